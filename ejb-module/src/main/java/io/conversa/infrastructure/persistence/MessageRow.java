package io.conversa.infrastructure.persistence;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One message as the importer writes it; {@code author} is null for system messages, {@code mediaFingerprint}
 * for messages that carry no media (the identity a media message keeps with its file or without). {@code place}
 * is where the message stands among its author's messages of its minute (1 for the first; 0 without an author),
 * which an edit does not change. PostgreSQL's text
 * cannot hold U+0000, which a damaged export may (it is well-formed UTF-8, so the parser keeps it): such a
 * character is stored as U+FFFD, as the parser stores bytes that are no UTF-8, instead of failing the import.
 */
public record MessageRow(String author, int sequence, Instant sentAt, LocalDateTime localTime, String kind,
        String body, String attachmentName, boolean edited, String metadataJson, long fingerprint,
        Long mediaFingerprint, int place) {

    public MessageRow {
        author = storable(author);
        body = storable(body);
        attachmentName = storable(attachmentName);
    }

    /** {@code text} as PostgreSQL can store it: U+0000 replaced by U+FFFD; null stays null. */
    public static String storable(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }
}
