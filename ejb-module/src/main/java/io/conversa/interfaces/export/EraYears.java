package io.conversa.interfaces.export;

import java.util.List;
import java.util.Map;

/**
 * Turns the year as an export writes it into a Gregorian year: two-digit years, Thai Buddhist-era
 * years (2565 = 2022) and Japanese-era years (令和4 or R4 = 2022).
 */
final class EraYears {

    /** Years this large only occur in the Buddhist era (BE 2400 = 1857 CE, long before WhatsApp). */
    private static final int FIRST_BUDDHIST_YEAR = 2400;
    private static final int BUDDHIST_OFFSET = 543;

    /** The Gregorian year before each Japanese era's first year, by its kanji and its letter. */
    private static final Map<String, Integer> JAPANESE_ERAS = Map.of(
            "令和", 2018, "R", 2018,
            "平成", 1988, "H", 1988,
            "昭和", 1925, "S", 1925,
            "大正", 1911, "T", 1911,
            "明治", 1867, "M", 1867);

    private static final List<String> ERA_PREFIXES = List.copyOf(JAPANESE_ERAS.keySet());

    private EraYears() {
    }

    /** The Gregorian year of {@code year} written with {@code digits} digits, after {@code era} if not null. */
    static int gregorian(String era, int year, int digits) {
        if (era != null) {
            return JAPANESE_ERAS.get(era) + year;
        }
        if (digits <= 2) {
            return 2000 + year;
        }
        return year >= FIRST_BUDDHIST_YEAR ? year - BUDDHIST_OFFSET : year;
    }

    /** Whether {@code c} is the first character of an era prefix. */
    static boolean mayStart(char c) {
        for (String era : ERA_PREFIXES) {
            if (era.charAt(0) == c) {
                return true;
            }
        }
        return false;
    }

    /** The era prefix (令和 or its letter R, 平成/H, ...) at {@code position} of a header, or null. */
    static String eraAt(CharSequence line, int position) {
        if (position >= line.length() || Character.isDigit(line.charAt(position))) {
            return null;
        }
        for (String era : ERA_PREFIXES) {
            if (startsWith(line, era, position)) {
                boolean letter = era.length() == 1;
                int next = position + era.length();
                // A lone letter is an era only right before the year's digits ("R4/03/18").
                if (!letter || next < line.length() && Character.isDigit(line.charAt(next))) {
                    return era;
                }
            }
        }
        return null;
    }

    private static boolean startsWith(CharSequence line, String prefix, int position) {
        if (position + prefix.length() > line.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (line.charAt(position + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
