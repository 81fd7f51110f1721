package io.conversa.infrastructure.persistence;

import java.time.LocalDate;

/**
 * A media message the conversation holds without its file (imported from an export without media), met again
 * in this import's export with the file.
 *
 * @param kind           its kind in this export (an attachment, a contact card)
 * @param attachmentName the file's name
 */
record StoredWithoutFile(long storedId, String kind, String attachmentName, long fingerprint, LocalDate day)
        implements StoredRevision {

    StoredWithoutFile(long storedId, MessageRow row) {
        this(storedId, row.kind(), row.attachmentName(), row.fingerprint(), row.localTime().toLocalDate());
    }
}
