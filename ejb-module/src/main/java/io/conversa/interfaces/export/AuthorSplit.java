package io.conversa.interfaces.export;

/**
 * Splits the text after a header, {@code Author: text}, while it is still bytes: the name comes from
 * {@link Authors} and only the text is decoded, where decoding the line and cutting it up would copy
 * it twice. It decides only where the bytes settle the question as {@link MessageAssembler} would
 * decide it on the decoded text (the byte after the ':' is ASCII, the name short, well-formed and unquoted);
 * every other line, system lines included, is left to the assembler. Not thread-safe: one per stream.
 */
final class AuthorSplit {

    /** In bytes: a name this long may still be within the assembler's limit in characters, so leave it to it. */
    private static final int MAX_AUTHOR_BYTES = 100;

    private final Authors authors = new Authors();
    private String author;
    private String text;

    /**
     * Splits the current line from byte {@code offset} on (the bytes before it being ASCII). The name must hold
     * no direction marks, which the bytes tell; the text is decoded without them.
     *
     * @return false when the bytes do not settle it, and the decoded text must be split instead
     */
    boolean split(LineReader lines, int offset) throws RefusedContentException {
        byte[] bytes = lines.bytes();
        int from = lines.start() + offset;
        int to = lines.end();
        int known = authors.writtenAt(bytes, from, to);
        int colon = known < 0 ? -1 : from + authors.writtenLength(known);
        if (colon >= 0 && settledByName(bytes, colon, to)) {
            author = authors.name(known);
        } else {
            colon = authorEnd(bytes, from, to);
            // A name with bad bytes is left to the decoded line, which refuses them.
            if (colon < 0 || !Utf8.wellFormed(bytes, from, colon)) {
                return false;
            }
            author = authors.named(bytes, from, colon);
        }
        if (author.isEmpty()) {
            return false;
        }
        int textStart = colon + 1;
        if (textStart < to && bytes[textStart] == ' ') {
            textStart++;
        }
        text = lines.textWithoutMarksFrom(textStart - lines.start());
        return true;
    }

    /** The author's name of the line last split. */
    String author() {
        return author;
    }

    /** The text after the name's ':' and one space, of the line last split. */
    String text() {
        return text;
    }

    /**
     * Whether the ':' after a known name, at {@code colon}, ends the name as {@link #authorEnd} would
     * decide: the scan met the same bytes up to it when the name was first split, so only the byte after
     * it can change the answer. When that byte is not ASCII, a '/' (a link) or a digit (maybe a clock
     * time), the scan decides.
     */
    private static boolean settledByName(byte[] bytes, int colon, int to) {
        if (colon + 1 == to) {
            return true;
        }
        byte next = bytes[colon + 1];
        return next >= 0 && next != '/' && !isDigit(next);
    }

    /**
     * The ':' ending the author's name, found as {@code MessageAssembler.authorEnd} finds it (skipping
     * those in links and clock times), or -1 when the bytes do not settle it: a byte that is not ASCII
     * after a ':' (it may be a space or a digit of another script), bad bytes before it, or no
     * plausible name, or a direction mark before it (a known name holds none: it was split here first).
     */
    private static int authorEnd(byte[] bytes, int from, int to) {
        for (int colon = from; colon < to; colon++) {
            if (bytes[colon] != ':') {
                if (bytes[colon] < 0 && DirectionMarks.markLengthAt(bytes, colon, to) > 0) {
                    return -1;
                }
                continue;
            }
            byte next = colon + 1 < to ? bytes[colon + 1] : (byte) ' ';
            if (next < 0) {
                return -1;
            }
            if (next == '/') {
                continue;
            }
            int previous = colon > from ? charBefore(bytes, from, colon) : ' ';
            if (previous < 0) {
                return -1;
            }
            if (colon > from && Character.isDigit((char) previous) && isDigit(next)) {
                continue;
            }
            return plausibleAuthor(bytes, from, colon, (char) previous) ? colon : -1;
        }
        return -1;
    }

    /**
     * The UTF-16 character that ends {@code bytes[from, end)} once decoded (the low surrogate for a
     * character beyond U+FFFF), or -1 when the bytes there are not well-formed UTF-8.
     */
    private static int charBefore(byte[] bytes, int from, int end) {
        int start = end - 1;
        while (start > from && start > end - 4 && (bytes[start] & 0xC0) == 0x80) {
            start--;
        }
        int codePoint = Utf8.codePointAt(bytes, start, end);
        if (codePoint < 0 || start + Utf8.sequenceLength(bytes[start]) != end) {
            return -1;
        }
        return Character.isBmpCodePoint(codePoint) ? codePoint : Character.lowSurrogate(codePoint);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** As {@code MessageAssembler.plausibleAuthor}, given the name's last character. */
    private static boolean plausibleAuthor(byte[] bytes, int from, int end, char last) {
        if (end == from || end - from > MAX_AUTHOR_BYTES || Character.isWhitespace(last)
                || Character.isSpaceChar(last)) {
            return false;
        }
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            // '"', or the UTF-8 of “ ” „ (E2 80 9C..9E) and « » (C2 AB, C2 BB).
            if (b == '"' || b == (byte) 0xE2 && i + 2 < end && bytes[i + 1] == (byte) 0x80
                    && bytes[i + 2] >= (byte) 0x9C && bytes[i + 2] <= (byte) 0x9E
                    || b == (byte) 0xC2 && i + 1 < end && (bytes[i + 1] == (byte) 0xAB || bytes[i + 1] == (byte) 0xBB)) {
                return false;
            }
        }
        return true;
    }
}
