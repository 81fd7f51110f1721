package io.conversa.interfaces.export;

/** The file cannot be read as a WhatsApp export; the message says why, in words for the user. */
public class UnreadableExportException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableExportException(String reason) {
        super(reason);
    }

    public UnreadableExportException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
