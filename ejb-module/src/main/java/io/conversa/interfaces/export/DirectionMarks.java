package io.conversa.interfaces.export;

/**
 * Removes the invisible bidi marks WhatsApp scatters through headers, names and placeholders
 * (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069, U+061C) and stray byte-order marks. Joiners
 * (U+200C, U+200D) stay: emoji sequences and Persian words need them.
 */
final class DirectionMarks {

    private DirectionMarks() {
    }

    /**
     * Whether {@code c} is one of the marks. Asked of every character beyond ASCII that is decoded, so ordered for
     * text: below U+2000 (Latin, Cyrillic, Arabic...) and above U+206F (CJK, emoji halves) two or three comparisons
     * settle it.
     */
    static boolean isMark(char c) {
        if (c < '\u2000') {
            return c == '\u061C';
        }
        if (c <= '\u206F') {
            return c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
        }
        return c == '\uFEFF';
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
