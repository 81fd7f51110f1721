package io.conversa.application;

import jakarta.ejb.ApplicationException;

/** The caller sent something Conversa cannot accept; the message tells them what and why. */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
