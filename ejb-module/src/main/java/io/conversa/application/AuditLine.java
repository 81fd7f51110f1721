package io.conversa.application;

import java.time.Instant;

/** What one audit line says, before the chain gives it an id and a hash. */
public record AuditLine(Instant at, String actor, String roles, String action, String target, String outcome,
        String clientAddress) {
}
