package io.conversa.domain.model.conversation;

/** What a stored message is; SYSTEM messages have no participant. */
public enum MessageKind {
    TEXT,
    MEDIA_OMITTED,
    ATTACHMENT,
    DELETED,
    POLL,
    LOCATION,
    CONTACT,
    VIEW_ONCE,
    SYSTEM
}
