package io.conversa.interfaces.rest;

import io.conversa.domain.model.outbound.OutboundKind;
import io.conversa.domain.model.outbound.OutboundMessage;
import io.conversa.domain.model.outbound.OutboundStatus;
import java.time.Instant;
import java.util.UUID;

/** A send as the API shows it: how far it got, Meta's id for it, and why it failed when it did. */
public record OutboundView(UUID id, UUID conversationId, String phoneNumberId, String recipient, OutboundKind kind,
        OutboundStatus status, int attempts, String waMessageId, Integer errorCode, String errorReason,
        String requestedBy, Instant createdAt, Instant updatedAt) {

    static OutboundView of(OutboundMessage m) {
        return new OutboundView(m.id(), m.conversationId(), m.phoneNumberId(), m.recipient(), m.kind(), m.status(),
                m.attempts(), m.waMessageId(), m.errorCode(), m.errorReason(), m.requestedBy(), m.createdAt(), m.updatedAt());
    }
}
