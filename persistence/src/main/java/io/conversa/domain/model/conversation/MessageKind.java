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
    SYSTEM,
    /** A reply through a button or list of an interactive or template message. */
    INTERACTIVE,
    /** A Cloud API message of a type Conversa does not know (kept with its raw payload). */
    UNSUPPORTED
}
