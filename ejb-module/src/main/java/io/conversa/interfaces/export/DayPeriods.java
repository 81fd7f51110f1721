package io.conversa.interfaces.export;

import java.util.Map;
import java.util.TreeMap;

/**
 * The localized words that may stand next to a header's time: AM/PM markers in many languages
 * ({@code AM}, {@code a. m.}, {@code ص}/{@code م}, {@code 오후}, {@code 下午}...) and connectors
 * such as the Finnish {@code klo} that carry no meaning.
 */
final class DayPeriods {

    /** What a word next to the time says about the hour. */
    enum Period {
        AM, PM, NEUTRAL;

        /** The 24-hour value of {@code hour} as written with this period; hours above 12 are already 24-hour. */
        int toTwentyFourHour(int hour) {
            if (this == PM && hour < 12) {
                return hour + 12;
            }
            if (this == AM && hour == 12) {
                return 0;
            }
            return hour;
        }
    }

    // Keys are compared without dots and spaces and ignoring case, so "a. m.", "A.M." and "am" are one key.
    private static final Map<String, Period> WORDS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (String am : new String[] {"am", "a", "ص", "오전", "午前", "上午", "凌晨", "早上", "sa", "vorm",
                "πμ", "öö", "pg", "fm", "de", "dop", "قظ", "पूर्वाह्न", "পূর্বাহ্ণ", "قبلدوپہر", "ก่อนเที่ยง",
                "முற்பகல்", "ap"}) {
            WORDS.put(am, Period.AM);
        }
        for (String pm : new String[] {"pm", "p", "م", "오후", "午後", "下午", "中午", "晚上", "傍晚", "ch", "nachm",
                "μμ", "ös", "ptg", "em", "du", "odp", "بظ", "अपराह्न", "অপরাহ্ণ", "بعددوپہر", "หลังเที่ยง",
                "பிற்பகல்", "ip"}) {
            WORDS.put(pm, Period.PM);
        }
        for (String connector : new String[] {"klo", "kl", "um", "à", "às", "alle", "at", "om"}) {
            WORDS.put(connector, Period.NEUTRAL);
        }
    }

    private DayPeriods() {
    }

    /** The period a word means, or null when the word is unknown. */
    static Period of(CharSequence word) {
        StringBuilder key = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c != '.' && !Character.isSpaceChar(c)) {
                key.append(c);
            }
        }
        return WORDS.get(key.toString());
    }
}
