package io.conversa.application;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

/**
 * An export was sent for a chat whose import is still queued or running: merging the two at once could
 * leave the second without messages that the first then takes back when it fails, and two first imports
 * would make two conversations. The caller sends it again once the running job has finished.
 */
@ApplicationException(rollback = true)
public class ImportRunningException extends RuntimeException {

    /** @param runningJob null when the other export is still being uploaded and has no job yet */
    public ImportRunningException(String title, UUID runningJob) {
        super((runningJob == null ? "Another export of the chat '" + title + "' is still being uploaded."
                : "An import of the chat '" + title + "' is still running (job " + runningJob + ").")
                + " Send this export again when that import has finished: it will then add only the messages that are new.");
    }
}
