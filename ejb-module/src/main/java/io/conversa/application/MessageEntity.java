package io.conversa.application;

/** An entity stored for a message (table message_entity): kind, text as written, offsets into the body, normalised value. */
public record MessageEntity(long messageId, String kind, String text, int start, int end, String normalised) {
}
