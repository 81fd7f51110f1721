package io.conversa.domain.model.outbound;

/** What a send is. Only templates and read receipts may go out when the customer service window is closed. */
public enum OutboundKind {
    TEXT, MEDIA, TEMPLATE, REACTION, READ_RECEIPT;

    public boolean needsOpenWindow() {
        return this != TEMPLATE && this != READ_RECEIPT;
    }
}
