package io.conversa.interfaces.export;

/**
 * Removes the invisible bidi marks WhatsApp scatters through headers, names and placeholders
 * (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069, U+061C) and stray byte-order marks. Joiners
 * (U+200C, U+200D) stay: emoji sequences and Persian words need them.
 */
final class DirectionMarks {

    /** The longest mark's UTF-8 encoding. */
    private static final int MARK_BYTES = 3;
    private static final long D8_BYTES = ByteWords.repeated((byte) 0xD8);
    private static final long E2_BYTES = ByteWords.repeated((byte) 0xE2);
    private static final long EF_BYTES = ByteWords.repeated((byte) 0xEF);
    private static final long SECOND_80_BYTES = ByteWords.repeated((byte) 0x80);
    private static final long SECOND_81_BYTES = ByteWords.repeated((byte) 0x81);
    private static final long SECOND_9C_BYTES = ByteWords.repeated((byte) 0x9C);
    private static final long SECOND_BB_BYTES = ByteWords.repeated((byte) 0xBB);
    /** The high bit of a word's last byte, as {@link ByteWords#bytesEqual} marks a byte. */
    private static final long LAST_BYTE = 0x80L << (Long.SIZE - Byte.SIZE);

    private DirectionMarks() {
    }

    static boolean isMark(char c) {
        // Every mark lies above U+061C, most text below: one comparison settles most characters.
        return c >= '\u061C' && (c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u061C' || c == '\uFEFF');
    }

    /** The text without marks; the same instance when it has none, which is the common case. */
    static String strip(String text) {
        int first = firstMark(text);
        if (first < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        clean.append(text, 0, first);
        for (int i = first + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isMark(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /**
     * Whether {@code utf8[start, end)} holds the UTF-8 encoding of a mark: lines without one, most lines,
     * need not be searched for marks once decoded. Only bytes that {@link #leadBytes} finds can start one.
     */
    static boolean encodedIn(byte[] utf8, int start, int end) {
        int i = start;
        while (i + Long.BYTES <= end) {
            long leads = leadBytes(ByteWords.word(utf8, i));
            if (leads == 0) {
                i += Long.BYTES;
                continue;
            }
            int lead = i + ByteWords.firstMarked(leads);
            if (markLengthAt(utf8, lead, end) > 0) {
                return true;
            }
            i = lead + 1;
        }
        for (; i < end; i++) {
            if (markLengthAt(utf8, i, end) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks the bytes of {@code word} that may start a mark's UTF-8 encoding, as {@link ByteWords#bytesEqual}
     * does: zero when none does. U+061C is D8 9C, U+200E..U+2069 are E2 80 .. or E2 81 .., U+FEFF is
     * EF BB BF; a lead byte counts when the byte after it is one of those second bytes, or is in the next
     * word. Most lead bytes of real text start other characters (Arabic letters are D8 xx, many emoji
     * E2 9D .., the emoji variation selector EF B8 8F), which the second byte rules out without a look-up.
     */
    static long leadBytes(long word) {
        if (ByteWords.ascii(word)) {
            return 0;
        }
        long leads = ByteWords.bytesEqual(word, E2_BYTES) | ByteWords.bytesEqual(word, D8_BYTES)
                | ByteWords.bytesEqual(word, EF_BYTES);
        if (leads == 0) {
            return 0;
        }
        // Byte i of the shifted word is byte i + 1 of the word; its top byte is in the next word.
        long next = word >>> Byte.SIZE;
        return leads & (ByteWords.bytesEqual(next, SECOND_80_BYTES) | ByteWords.bytesEqual(next, SECOND_81_BYTES)
                | ByteWords.bytesEqual(next, SECOND_9C_BYTES) | ByteWords.bytesEqual(next, SECOND_BB_BYTES)
                | LAST_BYTE);
    }

    /** Whether byte {@code b} (0 - 255) may start a mark's UTF-8 encoding, when the bytes after it are not at hand. */
    static boolean mayLead(int b) {
        return b == 0xE2 || b == 0xD8 || b == 0xEF;
    }

    /**
     * Whether one of the bytes that {@link #leadBytes} marked in the word at {@code utf8[at]} starts a
     * mark's encoding, or may: when {@code end} comes before the mark would, its last bytes are not
     * there to tell. Most lead bytes start other characters (emoji, the variation selector, Arabic
     * letters), which this rules out while the bytes are at hand.
     */
    static boolean startedIn(byte[] utf8, int at, long leads, int end) {
        for (long left = leads; left != 0; left &= left - 1) {
            int lead = at + ByteWords.firstMarked(left);
            if (lead + MARK_BYTES > end || markLengthAt(utf8, lead, end) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The length of the UTF-8 encoding of a mark at {@code utf8[at]}, or 0 when no mark is encoded there. */
    static int markLengthAt(byte[] utf8, int at, int end) {
        if (at + 1 >= end) {
            return 0;
        }
        int lead = utf8[at] & 0xFF;
        int second = utf8[at + 1] & 0xFF;
        if (lead == 0xD8) {
            return second == 0x9C ? 2 : 0;
        }
        if (at + 2 >= end || lead != 0xE2 && lead != 0xEF) {
            return 0;
        }
        int third = utf8[at + 2] & 0xFF;
        int codePoint = (lead & 0x0F) << 12 | (second & 0x3F) << 6 | third & 0x3F;
        boolean encoded = (second & 0xC0) == 0x80 && (third & 0xC0) == 0x80;
        return encoded && codePoint >= 0x800 && isMark((char) codePoint) ? 3 : 0;
    }

    private static int firstMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isMark(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
