package io.conversa.infrastructure.persistence;

import java.time.Instant;
import java.time.LocalDateTime;

/** One message as the importer writes it; {@code author} is null for system messages. */
public record MessageRow(String author, int sequence, Instant sentAt, LocalDateTime localTime, String kind,
        String body, String attachmentName, boolean edited, String metadataJson, long fingerprint) {
}
