package io.conversa.application.nlp;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phone region a conversation's national numbers are read in: the most common country of its
 * participants' own numbers, else the country its main language suggests, else none ("ZZ": only
 * numbers written with a + are found).
 */
public final class PhoneRegions {

    private static final Map<String, String> BY_LANGUAGE = Map.of("es", "ES", "pt", "BR", "de", "DE", "fr", "FR", "it", "IT",
            "en", "GB", "nl", "NL");

    private PhoneRegions() {
    }

    public static String of(List<String> participantPhones, String mainLanguage) {
        Map<String, Integer> regions = new HashMap<>();
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        for (String p : participantPhones) {
            if (p == null || !p.trim().startsWith("+")) {
                continue;
            }
            try {
                String region = phones.getRegionCodeForNumber(phones.parse(p, "ZZ"));
                if (region != null && !"ZZ".equals(region)) {
                    regions.merge(region, 1, Integer::sum);
                }
            } catch (NumberParseException e) {
                // a display name that only looks like a number
            }
        }
        return regions.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(BY_LANGUAGE.getOrDefault(mainLanguage, "ZZ"));
    }
}
