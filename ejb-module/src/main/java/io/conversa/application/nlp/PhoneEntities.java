package io.conversa.application.nlp;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;

/**
 * Phone numbers by libphonenumber, which checks them against each country's numbering plan
 * (leniency VALID); national numbers are read in the conversation's region. Normalised to E.164.
 * A message with fewer than seven digits is skipped without asking the library.
 */
final class PhoneEntities {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    void find(String text, MessageContext context, List<Entity> out) {
        int digits = 0;
        for (int i = 0; i < text.length() && digits < 7; i++) {
            digits += Character.isDigit(text.charAt(i)) ? 1 : 0;
        }
        if (digits < 7) {
            return;
        }
        for (PhoneNumberMatch m : PHONES.findNumbers(text, context.phoneRegion(), PhoneNumberUtil.Leniency.VALID, 1_000)) {
            out.add(new Entity(Entity.Kind.PHONE, m.rawString(), m.start(), m.end(),
                    PHONES.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164)));
        }
    }
}
