package io.conversa.application.nlp;

/** What counts as one emoji: a pictograph with its modifiers and ZWJ continuations, or a flag. */
final class Emoji {

    private static final String PICTO = "[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2300}-\\x{23FF}\\x{2B00}-\\x{2BFF}"
            + "\\x{2190}-\\x{21FF}\\x{3030}\\x{303D}\\x{3297}\\x{3299}\\x{00A9}\\x{00AE}\\x{203C}\\x{2049}\\x{2122}\\x{2139}"
            + "\\x{24C2}\\x{25AA}-\\x{25FE}\\x{2934}\\x{2935}]";
    private static final String MODIFIERS = "[\\x{FE0F}\\x{FE0E}\\x{1F3FB}-\\x{1F3FF}\\x{20E3}\\x{E0020}-\\x{E007F}]*";

    /** Regional-indicator pairs (flags), keycaps, and pictographs joined by ZWJ. */
    static final String SEQUENCE = "[\\x{1F1E6}-\\x{1F1FF}]{2}|[0-9#*]\\x{FE0F}?\\x{20E3}|" + PICTO + MODIFIERS
            + "(?:\\x{200D}" + PICTO + MODIFIERS + ")*";

    private Emoji() {
    }

    static boolean isModifierOnly(String s) {
        return s.codePoints().allMatch(c -> c == 0x200D || c == 0xFE0F || c == 0xFE0E || c == 0x2068 || c == 0x2069
                || c == 0x200E || c == 0x200F);
    }

    /** The emoji without variation selectors and skin tones, as lexicons list it. */
    static String base(String emoji) {
        StringBuilder out = new StringBuilder();
        emoji.codePoints().filter(c -> c != 0xFE0F && c != 0xFE0E && (c < 0x1F3FB || c > 0x1F3FF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
