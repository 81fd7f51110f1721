package io.conversa.infrastructure.persistence;

import java.time.LocalDate;

/**
 * A media message the conversation holds without its file (imported from an export without media), met again
 * in this import's export with the file; what that export says of it, and no more, so that a long chat's many
 * such messages take little memory until the import gives them their files.
 *
 * @param storedId       the stored message's id
 * @param kind           its kind in this export (an attachment, a contact card)
 * @param attachmentName the file's name
 * @param fingerprint    its fingerprint in this export
 * @param day            its wall time's day, for analytics
 */
record StoredWithoutFile(long storedId, String kind, String attachmentName, long fingerprint, LocalDate day) {

    StoredWithoutFile(long storedId, MessageRow row) {
        this(storedId, row.kind(), row.attachmentName(), row.fingerprint(), row.localTime().toLocalDate());
    }
}
