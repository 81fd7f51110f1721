package io.conversa.application;

/**
 * A WhatsApp number in E.164 form ({@code +4917012345678}): the identity of a user who logs in
 * with a code. Its {@link #masked()} form is the only one that may appear in logs.
 */
public record PhoneNumber(String e164) {

    public static PhoneNumber parse(String input) {
        String digits = input == null ? "" : input.replaceAll("[\\s().-]", "");
        if (!digits.matches("\\+?[1-9][0-9]{7,14}")) {
            throw new InvalidRequestException("A phone number is written in international form, e.g. +4917012345678.");
        }
        return new PhoneNumber(digits.startsWith("+") ? digits : "+" + digits);
    }

    /** The number as the Cloud API writes it ({@code wa_id}): digits only. */
    public String waId() {
        return e164.substring(1);
    }

    /** {@code +49*********78}: country code and last two digits, enough to tell numbers apart in a log. */
    public String masked() {
        return e164.substring(0, 3) + "*".repeat(e164.length() - 5) + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return masked();
    }
}
