package io.conversa.application;

import jakarta.ejb.ApplicationException;

/**
 * A send Conversa refuses before it is queued, because a WhatsApp rule says it would fail: the
 * customer service window is closed, or the conversation is not one WhatsApp can reach.
 */
@ApplicationException(rollback = true)
public class SendRefusedException extends RuntimeException {

    public SendRefusedException(String message) {
        super(message);
    }
}
