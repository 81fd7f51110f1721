package io.conversa.application;

import io.conversa.domain.model.conversation.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Keyset position in a conversation's timeline: the last message's time and id. Opaque to
 * clients (URL-safe Base64) so its shape can change without breaking them.
 */
public record MessageCursor(Instant sentAt, long id) {

    public static MessageCursor after(Message message) {
        return new MessageCursor(message.sentAt(), message.id());
    }

    public String encode() {
        String raw = sentAt.getEpochSecond() + ":" + sentAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static MessageCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split(":");
            return new MessageCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidRequestException("The cursor '" + token + "' is not one this API handed out.");
        }
    }
}
