package io.conversa.application;

import jakarta.ejb.ApplicationException;

/** An upload ran past the configured limit (CONVERSA_IMPORT_MAX_UPLOAD_BYTES); nothing of it is kept. */
@ApplicationException(rollback = true)
public class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(long limit) {
        super("The upload is larger than " + limit + " bytes, the limit this server accepts (CONVERSA_IMPORT_MAX_UPLOAD_BYTES).");
    }
}
