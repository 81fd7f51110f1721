package io.conversa.domain.model.conversation;

/** A conversation is visible as READY only once all of its messages are stored. */
public enum ConversationStatus {
    IMPORTING,
    READY,
    FAILED
}
