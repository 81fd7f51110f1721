package io.conversa.interfaces.export;

/** Reads numbers written in any script's decimal digits (ASCII, Arabic-Indic, Persian, Devanagari...). */
final class LocalizedDigits {

    private LocalizedDigits() {
    }

    /** The value of {@code text[start, end)}, or -1 when a character there is not a decimal digit. */
    static int parse(CharSequence text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : Character.digit(c, 10);
            if (digit < 0) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
