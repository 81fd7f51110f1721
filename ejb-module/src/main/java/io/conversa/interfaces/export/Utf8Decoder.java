package io.conversa.interfaces.export;

import java.nio.charset.StandardCharsets;

/**
 * Decodes a message's UTF-8 bytes into a {@code String} without the direction marks WhatsApp scatters
 * through its lines ({@link DirectionMarks}), through one reused {@code char} buffer.
 * <ul>
 * <li>For text beyond Latin-1 (emoji, most scripts: over half of the messages of the benchmark export) the
 * JDK's {@code new String(bytes, UTF_8)} tries Latin-1 first, then starts again in UTF-16 and trims the result,
 * three arrays for one string; decoding here once and letting {@code new String(char[])} store the result took
 * a quarter less time over the benchmark export's lines (JDK 17).</li>
 * <li>Marks are dropped as they are decoded, where their code points are at hand: looking for their bytes
 * in every line beforehand, to know which lines need stripping, cost some 7 % of a pass.</li>
 * </ul>
 * Bytes that are not well-formed UTF-8 go to the JDK's decoder, so the result is always the JDK's, replacement
 * characters included, with the marks stripped. Not thread-safe: one per stream.
 */
final class Utf8Decoder {

    private static final int INITIAL_CHARS = 256;

    private char[] chars = new char[INITIAL_CHARS];
    private boolean droppedMark;
    private boolean metBadBytes;

    /**
     * {@code bytes[from, from + length)} decoded as {@code new String(bytes, from, length, UTF_8)} decodes them,
     * without direction marks.
     */
    String decodeWithoutMarks(byte[] bytes, int from, int length) {
        droppedMark = false;
        metBadBytes = false;
        // Each byte makes at most one char (four bytes make two).
        if (length > chars.length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        char[] out = chars;
        int count = 0;
        int at = from;
        int end = from + length;
        while (at < end) {
            int lead = bytes[at];
            if (lead >= 0) {
                out[count++] = (char) lead;
                at++;
            } else if ((lead & 0xE0) == 0xC0) {
                if (at + 1 >= end || lead < (byte) 0xC2 || !continuation(bytes[at + 1])) {
                    return jdkDecode(bytes, from, length);
                }
                int c = (lead & 0x1F) << 6 | bytes[at + 1] & 0x3F;
                if (DirectionMarks.isMark((char) c)) {
                    droppedMark = true;
                } else {
                    out[count++] = (char) c;
                }
                at += 2;
            } else if ((lead & 0xF0) == 0xE0) {
                if (at + 2 >= end || !continuation(bytes[at + 1]) || !continuation(bytes[at + 2])) {
                    return jdkDecode(bytes, from, length);
                }
                int c = (lead & 0x0F) << 12 | (bytes[at + 1] & 0x3F) << 6 | bytes[at + 2] & 0x3F;
                if (c < 0x800 || Character.isSurrogate((char) c)) {
                    return jdkDecode(bytes, from, length);
                }
                if (DirectionMarks.isMark((char) c)) {
                    droppedMark = true;
                } else {
                    out[count++] = (char) c;
                }
                at += 3;
            } else {
                if (at + 3 >= end || !continuation(bytes[at + 1]) || !continuation(bytes[at + 2])
                        || !continuation(bytes[at + 3])) {
                    return jdkDecode(bytes, from, length);
                }
                int c = (lead & 0x07) << 18 | (bytes[at + 1] & 0x3F) << 12 | (bytes[at + 2] & 0x3F) << 6
                        | bytes[at + 3] & 0x3F;
                // Also refuses the leads F8 - FF, whose bits above the three kept make no code point in range.
                if ((lead & 0xF8) != 0xF0 || c < Character.MIN_SUPPLEMENTARY_CODE_POINT || c > Character.MAX_CODE_POINT) {
                    return jdkDecode(bytes, from, length);
                }
                out[count++] = Character.highSurrogate(c);
                out[count++] = Character.lowSurrogate(c);
                at += 4;
            }
        }
        return new String(out, 0, count);
    }

    /**
     * Whether the bytes last decoded were not well-formed UTF-8 (their bad sequences then read as U+FFFD): the
     * decoder's checks are the Unicode standard's, as the JDK's, so this is what a strict decoder refuses.
     */
    boolean metBadBytes() {
        return metBadBytes;
    }

    /** Whether the last {@link #decodeWithoutMarks} dropped a mark. */
    boolean droppedMark() {
        return droppedMark;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private String jdkDecode(byte[] bytes, int from, int length) {
        metBadBytes = true;
        String text = new String(bytes, from, length, StandardCharsets.UTF_8);
        String stripped = DirectionMarks.strip(text);
        droppedMark = stripped != text;
        return stripped;
    }
}
