package io.conversa.interfaces.export;

import java.util.Arrays;

/**
 * The lines of a message after its header line, kept as the bytes they were read as and decoded once
 * when the message is complete: a string per line would be decoded, copied and joined again. Joining
 * the bytes with '\n' and decoding them gives the same text as decoding each line, since no UTF-8
 * sequence, valid or not, goes on across an ASCII byte.
 */
final class MoreLines {

    private static final int INITIAL_BYTES = 256;

    /**
     * The most a message's further lines may hold: WhatsApp's messages end at 65,536 characters, some 256 KiB,
     * and a file without headers for longer is no chat export (keeping it all would fill the heap instead).
     */
    static final int MAX_BYTES = 4 << 20;

    private final Utf8Decoder decoder = new Utf8Decoder();
    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;
    private boolean any;

    void clear() {
        length = 0;
        any = false;
    }

    /** Why a message that starts at {@code lineNumber} is refused when its lines pass {@link #MAX_BYTES}. */
    static String tooLong(long lineNumber) {
        return "The file is not a WhatsApp chat export: the message of line " + lineNumber + " goes on for more than "
                + (MAX_BYTES >> 20) + " MiB, far beyond any WhatsApp message.";
    }

    /**
     * Adds the reader's current line; false, adding nothing, when the lines would pass {@link #MAX_BYTES}. Its bytes
     * are checked now, when the reader names the line that holds bad ones; the text is decoded later.
     */
    boolean add(LineReader lines) throws RefusedContentException {
        lines.checkWellFormed();
        int lineLength = lines.end() - lines.start();
        int needed = length + lineLength + 1;
        if (needed > MAX_BYTES) {
            return false;
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
        if (any) {
            bytes[length++] = '\n';
        }
        System.arraycopy(lines.bytes(), lines.start(), bytes, length, lineLength);
        length += lineLength;
        any = true;
        return true;
    }

    /** The lines joined by '\n', without direction marks nor the blank lines and spaces that exports leave at a message's end. */
    String text() {
        if (length == 0) {
            return "";
        }
        String text = decoder.decodeWithoutMarks(bytes, 0, length);
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
    }
}
