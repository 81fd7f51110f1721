package io.conversa.interfaces.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One message of an export.
 *
 * @param sequence       0-based position of the message in the file
 * @param lineNumber     1-based line of the file where the message starts, for warnings
 * @param localTime      the wall time as the export writes it
 * @param sentAt         {@code localTime} in the conversation's zone (DST gaps shift forward, overlaps
 *                       take the earlier offset)
 * @param author         who wrote it; null for {@link MessageKind#SYSTEM} messages
 * @param kind           what it carries
 * @param text           the full multi-line body without direction marks; for media and attachments
 *                       the caption ("" when none), for polls the question
 * @param attachmentName the exported file's name for attachments (and attached contact cards), else null
 * @param edited         whether WhatsApp marked it as edited (the marker is removed from the text)
 * @param pollOptions    the options of a poll without their vote counts; empty for other kinds
 */
public record ParsedMessage(int sequence, long lineNumber, LocalDateTime localTime, Instant sentAt,
        String author, MessageKind kind, String text, String attachmentName, boolean edited,
        List<String> pollOptions) {

    public ParsedMessage {
        // List.copyOf copies even an empty immutable list; most messages have no options.
        pollOptions = pollOptions.isEmpty() ? List.of() : List.copyOf(pollOptions);
    }
}
