package io.conversa.interfaces.export;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Builds a {@link ParsedMessage} from a header's time and the text after it: separates the author
 * (if any) from the body, and classifies the body.
 */
final class MessageAssembler {

    /** iOS puts a left-to-right mark right after "Name: " on lines WhatsApp writes itself (as UTF-8). */
    static final byte[] IOS_SYSTEM_MARK = ": \u200E".getBytes(StandardCharsets.UTF_8);
    /** Longer than any display name: such a prefix before ':' is a sentence, not an author. */
    private static final int MAX_AUTHOR_LENGTH = 100;

    private final WallClock clock;
    private final SystemMessages systemMessages = new SystemMessages();

    MessageAssembler(WallClock clock) {
        this.clock = clock;
    }

    /**
     * @param markedByWhatsApp whether the header line as read holds {@link #IOS_SYSTEM_MARK}
     * @param afterHeader      the first line's text after the header, without marks
     * @param moreLines        the message's further lines, without marks, joined by '\n' ("" when none)
     */
    ParsedMessage assemble(int sequence, long lineNumber, LocalDateTime localTime, boolean markedByWhatsApp,
            String afterHeader, String moreLines) {
        int colon = authorEnd(afterHeader);
        String author = colon < 0 ? "" : afterHeader.substring(0, colon).strip();
        if (author.isEmpty()) {
            return system(sequence, lineNumber, localTime, MessageContent.joinLines(afterHeader, moreLines));
        }
        int bodyStart = colon + 1;
        if (bodyStart < afterHeader.length() && Character.isSpaceChar(afterHeader.charAt(bodyStart))) {
            bodyStart++;
        }
        return assemble(sequence, lineNumber, localTime, markedByWhatsApp, author, afterHeader.substring(bodyStart),
                moreLines);
    }

    /**
     * A message whose author is known (as {@link AuthorSplit} tells from the bytes).
     *
     * @param author    the author's name, not empty
     * @param afterName the first line's text after the name's ':' and one space, without marks
     */
    ParsedMessage assemble(int sequence, long lineNumber, LocalDateTime localTime, boolean markedByWhatsApp,
            String author, String afterName, String moreLines) {
        String body = MessageContent.joinLines(afterName, moreLines);
        // The first line's text holds no line break: a body without further lines is one line.
        MessageContent content = MessageContent.of(body, moreLines.isEmpty());
        if (content.kind() == MessageKind.TEXT
                && systemMessages.isSystem(body, markedByWhatsApp)) {
            return system(sequence, lineNumber, localTime, body);
        }
        return new ParsedMessage(sequence, lineNumber, localTime, clock.toInstant(localTime), author,
                content.kind(), content.text(), content.attachmentName(), content.edited(), content.pollOptions());
    }

    private ParsedMessage system(int sequence, long lineNumber, LocalDateTime localTime, String text) {
        return new ParsedMessage(sequence, lineNumber, localTime, clock.toInstant(localTime), null,
                MessageKind.SYSTEM, text, null, false, List.of());
    }

    /**
     * Where the author's name ends (its ':'), or -1 when the line has no author: no ':' at all, or only
     * ones in links and clock times, or a prefix no name looks like (a blank one is caught by the
     * caller). System lines quote group names that may hold ": " ({@code Tom changed the subject to
     * "Trip: Rome"}), hence the quote test.
     */
    private static int authorEnd(String line) {
        for (int colon = line.indexOf(':'); colon >= 0; colon = line.indexOf(':', colon + 1)) {
            char next = colon + 1 < line.length() ? line.charAt(colon + 1) : ' ';
            boolean inLink = next == '/';
            boolean inClock = colon > 0 && Character.isDigit(line.charAt(colon - 1)) && Character.isDigit(next);
            if (inLink || inClock) {
                continue;
            }
            return plausibleAuthor(line, colon) ? colon : -1;
        }
        return -1;
    }

    private static boolean plausibleAuthor(String line, int end) {
        // WhatsApp writes "Name:" with no space before the colon, in every locale; " : " is French text.
        if (end == 0 || end > MAX_AUTHOR_LENGTH || Character.isWhitespace(line.charAt(end - 1))
                || Character.isSpaceChar(line.charAt(end - 1))) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (c == '"' || c >= '\u00AB' && (c == '“' || c == '”' || c == '„' || c == '«' || c == '»')) {
                return false;
            }
        }
        return true;
    }
}
