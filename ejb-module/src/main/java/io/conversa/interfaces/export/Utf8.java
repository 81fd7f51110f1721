package io.conversa.interfaces.export;

import java.util.Arrays;

/**
 * Checks that bytes are well-formed UTF-8 without decoding them, for the lines the second pass keeps as
 * bytes for now or for good (further lines of a message, lines before the first header, a new author's
 * name); it checks the other lines as it decodes them. The rules are the Unicode standard's (table 3-7),
 * which the JDK's decoder also applies: no overlong forms, no surrogates, nothing above U+10FFFF. They are
 * compiled into a state machine, as branches on each byte's kind mispredict on mixed-script text. Its
 * table is laid out by byte, each entry holding the next state for every state in 6 bits apiece, so the
 * look-up does not wait for the previous state: only a shift does.
 */
final class Utf8 {

    private static final int ACCEPT = 0;
    private static final int REJECT = 1;
    private static final int ONE_MORE = 2;
    private static final int TWO_MORE = 3;
    private static final int AFTER_E0 = 4;
    private static final int AFTER_ED = 5;
    private static final int AFTER_F0 = 6;
    private static final int AFTER_F1_TO_F3 = 7;
    private static final int AFTER_F4 = 8;
    private static final int STATES = 9;

    /** The next state for a state and a byte, at {@code state * 256 + byte}. */
    private static final byte[] NEXT = new byte[STATES * 256];
    private static final int STATE_BITS = 6;
    /** By byte: for each state s, bits {@code 6s} to {@code 6s + 5} hold 6 times the next state. */
    private static final long[] ROWS = new long[256];

    static {
        Arrays.fill(NEXT, (byte) REJECT);
        for (int b = 0; b < 256; b++) {
            NEXT[ACCEPT * 256 + b] = (byte) (b < 0x80 ? ACCEPT : b < 0xC2 ? REJECT : b < 0xE0 ? ONE_MORE
                    : b == 0xE0 ? AFTER_E0 : b == 0xED ? AFTER_ED : b < 0xF0 ? TWO_MORE
                    : b == 0xF0 ? AFTER_F0 : b < 0xF4 ? AFTER_F1_TO_F3 : b == 0xF4 ? AFTER_F4 : REJECT);
        }
        continuation(ONE_MORE, 0x80, 0xBF, ACCEPT);
        continuation(TWO_MORE, 0x80, 0xBF, ONE_MORE);
        continuation(AFTER_E0, 0xA0, 0xBF, ONE_MORE);
        continuation(AFTER_ED, 0x80, 0x9F, ONE_MORE);
        continuation(AFTER_F0, 0x90, 0xBF, TWO_MORE);
        continuation(AFTER_F1_TO_F3, 0x80, 0xBF, TWO_MORE);
        continuation(AFTER_F4, 0x80, 0x8F, TWO_MORE);
        for (int b = 0; b < 256; b++) {
            for (int state = 0; state < STATES; state++) {
                ROWS[b] |= (long) (NEXT[state * 256 + b] * STATE_BITS) << (state * STATE_BITS);
            }
        }
    }

    private static void continuation(int state, int lowest, int highest, int next) {
        for (int b = lowest; b <= highest; b++) {
            NEXT[state * 256 + b] = (byte) next;
        }
    }

    private Utf8() {
    }

    /** The code point encoded at {@code bytes[at]}, or -1 when the bytes there are not well-formed UTF-8. */
    static int codePointAt(byte[] bytes, int at, int end) {
        int lead = bytes[at] & 0xFF;
        int length = sequenceLength(bytes[at]);
        if (at + length > end || !wellFormed(bytes, at, at + length)) {
            return -1;
        }
        int codePoint = length == 1 ? lead : lead & (0x7F >> length);
        for (int i = at + 1; i < at + length; i++) {
            codePoint = codePoint << 6 | bytes[i] & 0x3F;
        }
        return codePoint;
    }

    /**
     * The state after byte {@code b}, in its low six bits: a shift of a {@code long} uses only the low six
     * bits of its distance, so the bits above, left from the row, need no mask on the way.
     */
    private static long step(long state, int b) {
        return ROWS[b & 0xFF] >>> state;
    }

    private static boolean accepted(long state) {
        return (state & (1 << STATE_BITS) - 1) == ACCEPT;
    }

    /** How many bytes the sequence that {@code lead} starts has, if it is well-formed. */
    static int sequenceLength(byte lead) {
        int value = lead & 0xFF;
        return value < 0x80 ? 1 : value < 0xE0 ? 2 : value < 0xF0 ? 3 : 4;
    }

    /** Whether {@code bytes[start, end)} is well-formed UTF-8. */
    static boolean wellFormed(byte[] bytes, int start, int end) {
        // The state times STATE_BITS, its offset in a row.
        long state = ACCEPT;
        int i = start;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = ByteWords.word(bytes, i);
            // Most of an export is ASCII, which needs no steps once a character is complete.
            if (!accepted(state) || !ByteWords.ascii(word)) {
                for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
                    state = step(state, (int) (word >>> shift));
                }
            }
        }
        for (; i < end; i++) {
            state = step(state, bytes[i]);
        }
        return accepted(state);
    }
}
