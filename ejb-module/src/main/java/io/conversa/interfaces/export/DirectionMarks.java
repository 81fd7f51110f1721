package io.conversa.interfaces.export;

/**
 * Removes the invisible bidi marks WhatsApp scatters through headers, names and placeholders
 * (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069, U+061C) and stray byte-order marks. Joiners
 * (U+200C, U+200D) stay: emoji sequences and Persian words need them.
 */
final class DirectionMarks {

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

    private static int firstMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isMark(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
