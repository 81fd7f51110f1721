package io.conversa.interfaces.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a message after its header line, kept as the bytes they were read as and decoded once
 * when the message is complete: a string per line would be decoded, copied and joined again. Joining
 * the bytes with '\n' and decoding them gives the same text as decoding each line, since no UTF-8
 * sequence, valid or not, goes on across an ASCII byte.
 */
final class MoreLines {

    private static final int INITIAL_BYTES = 256;

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;
    private boolean any;
    private boolean mayHoldMarks;

    void clear() {
        length = 0;
        any = false;
        mayHoldMarks = false;
    }

    /** Adds the reader's current line. */
    void add(LineReader lines) {
        int lineLength = lines.end() - lines.start();
        int needed = length + lineLength + 1;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
        if (any) {
            bytes[length++] = '\n';
        }
        System.arraycopy(lines.bytes(), lines.start(), bytes, length, lineLength);
        length += lineLength;
        any = true;
        mayHoldMarks = mayHoldMarks || lines.mayHoldMarks();
    }

    /** The lines joined by '\n', without direction marks nor the blank lines and spaces that exports leave at a message's end. */
    String text() {
        if (length == 0) {
            return "";
        }
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (mayHoldMarks) {
            text = DirectionMarks.strip(text);
        }
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
    }
}
