package io.conversa.interfaces.rest;

import io.conversa.domain.model.conversation.Conversation;
import java.time.Instant;
import java.util.UUID;

/** A conversation as the API lists it. */
public record ConversationView(UUID id, String title, String source, String status, String timezone,
        int messageCount, Instant firstMessageAt, Instant lastMessageAt, Instant createdAt) {

    static ConversationView of(Conversation c) {
        return new ConversationView(c.id(), c.title(), c.source().name(), c.status().name(), c.zone().getId(),
                c.messageCount(), c.firstMessageAt(), c.lastMessageAt(), c.createdAt());
    }
}
