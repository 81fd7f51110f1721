package io.conversa.interfaces.export;

import java.io.IOException;

/**
 * Reading stopped because of what the input holds, not because reading failed: a zip entry that unpacks past
 * the size its archive states, a line or a message far beyond any WhatsApp message. An {@link IOException},
 * so that it leaves the streams that meet it; the message says why, in words for the user.
 */
public class RefusedContentException extends IOException {
    private static final long serialVersionUID = 1L;

    public RefusedContentException(String reason) {
        super(reason);
    }

    /** The refusal that stopped {@code failure}, which may have wrapped it (as a parser's stream does), if one did. */
    public static RefusedContentException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedContentException refusal) {
                return refusal;
            }
        }
        return null;
    }
}
