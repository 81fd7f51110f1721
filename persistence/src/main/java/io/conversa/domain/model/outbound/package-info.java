/** What Conversa sends through the WhatsApp Cloud API, and how far each send got. */
package io.conversa.domain.model.outbound;
