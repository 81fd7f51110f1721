package io.conversa.application.nlp;

/**
 * Something a message names: its kind, the text as written, where (UTF-16 offsets into the
 * message body, end exclusive) and a normalised value (E.164 phone, ISO date, HH:MM time, lower-case
 * e-mail, absolute URL, a participant's full name), or null where there is none.
 */
public record Entity(Kind kind, String text, int start, int end, String normalised) {

    public enum Kind { PERSON, ORG, LOCATION, DATE, TIME, PHONE, EMAIL, URL, MENTION }

    boolean overlaps(Entity other) {
        return start < other.end && other.start < end;
    }
}
