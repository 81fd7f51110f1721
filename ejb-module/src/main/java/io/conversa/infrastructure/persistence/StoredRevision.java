package io.conversa.infrastructure.persistence;

import java.time.LocalDate;

/**
 * A message the conversation holds in another version than the one this import's export has, which its
 * fingerprint could not tell: what that export says of it, to be written over the stored message at the end of
 * the import ({@link MessageWriter#reviseStoredMessages}). Only what the update needs is kept, so that a long
 * chat's many revisions take little memory until then.
 */
sealed interface StoredRevision permits StoredWithoutFile, StoredBeforeEdit {

    /** The stored message's id. */
    long storedId();

    /** The message's fingerprint in this export, which the stored message takes, so that importing it again finds it. */
    long fingerprint();

    /** The day of its wall time, for analytics. */
    LocalDate day();
}
