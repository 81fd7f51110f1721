/** Conversations, their participants and messages: the aggregate every feature reads. */
package io.conversa.domain.model.conversation;
