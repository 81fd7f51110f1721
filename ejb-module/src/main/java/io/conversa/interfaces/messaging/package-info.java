/** Message-driven beans: the consumers of Conversa's JMS queues. */
package io.conversa.interfaces.messaging;
