package io.conversa.infrastructure.storage;

/** Object storage could not be reached or refused an operation. */
public class StorageException extends RuntimeException {

    public StorageException(Throwable cause) {
        super("Object storage failed: " + cause.getMessage(), cause);
    }
}
