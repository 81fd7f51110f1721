package io.conversa.application;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/** The caller asked more often than a limit allows; {@code retryAfter} says when they may ask again. */
@ApplicationException(rollback = true)
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
