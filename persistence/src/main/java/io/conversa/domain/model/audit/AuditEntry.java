package io.conversa.domain.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One line of the audit trail. Its hash covers every field and the previous line's hash, so
 * changing, removing or reordering a stored line breaks the chain from there on.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String roles, String action, String target,
        String outcome, String clientAddress, String prevHash, String hash) {

    /** The previous hash of the first line. */
    public static final String GENESIS = "0".repeat(64);

    /** The next line after one with {@code prevId} and {@code prevHash}, its hash computed. */
    public static AuditEntry next(long prevId, String prevHash, Instant at, String actor, String roles, String action,
            String target, String outcome, String clientAddress) {
        Instant occurredAt = at.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        long id = prevId + 1;
        return new AuditEntry(id, occurredAt, actor, roles, action, target, outcome, clientAddress, prevHash,
                hashOf(id, occurredAt, actor, roles, action, target, outcome, clientAddress, prevHash));
    }

    /** True when the stored hash is the hash of the stored content. */
    public boolean intact() {
        return hash.equals(hashOf(id, occurredAt, actor, roles, action, target, outcome, clientAddress, prevHash));
    }

    private static String hashOf(long id, Instant at, String actor, String roles, String action, String target,
            String outcome, String clientAddress, String prevHash) {
        // Unit separators cannot occur in the fields; "\u0000" stands for null so that null and "" differ.
        String canonical = String.join("\u001f", Long.toString(id),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at)), orNull(actor), orNull(roles), action,
                orNull(target), outcome, orNull(clientAddress), prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String orNull(String value) {
        return value == null ? "\u0000" : value;
    }
}
