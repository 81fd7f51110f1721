package io.conversa.infrastructure.persistence;

import java.time.LocalDate;

/**
 * A message the conversation holds as it was before its sender edited it (WhatsApp allows that for 15 minutes, so an
 * export taken meanwhile has the first text), met again in this import's export edited, in the same place: the same
 * author's same message of the same minute.
 *
 * @param editedText its text in this export
 */
record StoredBeforeEdit(long storedId, String editedText, long fingerprint, LocalDate day) implements StoredRevision {

    StoredBeforeEdit(long storedId, MessageRow row) {
        this(storedId, row.body(), row.fingerprint(), row.localTime().toLocalDate());
    }
}
