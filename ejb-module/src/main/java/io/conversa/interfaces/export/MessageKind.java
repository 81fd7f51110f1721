package io.conversa.interfaces.export;

/** What a message carries, as far as the export tells. */
public enum MessageKind {
    TEXT,
    /** Media left out of the export ({@code <Media omitted>}, {@code image omitted} and translations). */
    MEDIA_OMITTED,
    /** Media exported with the chat; {@link ParsedMessage#attachmentName()} names the file. */
    ATTACHMENT,
    DELETED,
    POLL,
    LOCATION,
    /** A contact card, exported as a {@code .vcf} attachment or omitted. */
    CONTACT,
    /** A view-once media message, which exports as {@code null}. */
    VIEW_ONCE,
    /** Written by WhatsApp itself (group changes, encryption notice...); it has no author. */
    SYSTEM
}
