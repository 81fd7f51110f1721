package io.conversa.interfaces.rest;

import io.conversa.application.InvalidRequestException;
import io.conversa.application.Outgoing;
import java.util.List;

/**
 * The body of {@code POST /api/v1/conversations/{id}/messages}: exactly one of {@code text},
 * {@code media}, {@code template}, {@code reaction} or {@code read}, plus {@code replyTo} (a wamid)
 * for text and media.
 */
public record SendForm(String text, MediaPart media, TemplatePart template, ReactionPart reaction, String read,
        String replyTo) {

    public record MediaPart(String type, String id, String link, String caption, String filename) {
    }

    public record TemplatePart(String name, String language, List<String> parameters) {
    }

    public record ReactionPart(String messageId, String emoji) {
    }

    private static final String SHAPE = "Send exactly one of \"text\", \"media\" {type, id | link, caption, filename},"
            + " \"template\" {name, language, parameters}, \"reaction\" {messageId, emoji} or \"read\" (a message id).";

    Outgoing outgoing() {
        long given = java.util.stream.Stream.of(text, media, template, reaction, read).filter(p -> p != null).count();
        if (given != 1) {
            throw new InvalidRequestException(SHAPE);
        }
        if (text != null) {
            return new Outgoing.Text(text, replyTo);
        }
        if (media != null) {
            return new Outgoing.Media(media.type(), media.id(), media.link(), media.caption(), media.filename(), replyTo);
        }
        if (template != null) {
            return new Outgoing.Template(template.name(), template.language(), template.parameters());
        }
        if (reaction != null) {
            return new Outgoing.Reaction(reaction.messageId(), reaction.emoji());
        }
        return new Outgoing.ReadReceipt(read);
    }

    static Outgoing outgoingOf(SendForm form) {
        if (form == null) {
            throw new InvalidRequestException(SHAPE);
        }
        return form.outgoing();
    }
}
