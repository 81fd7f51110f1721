package io.conversa.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The period and granularity an analytics caller asks for, in the chat's wall time (the hours the
 * participants saw): from and to are days, both included; granularity hour, day, week or month.
 */
public record AnalyticsPeriod(LocalDate from, LocalDate to, String granularity) {

    private static final Set<String> GRANULARITIES = Set.of("hour", "day", "week", "month");

    public static AnalyticsPeriod of(String from, String to, String granularity) {
        String g = granularity == null || granularity.isBlank() ? "day" : granularity.toLowerCase(java.util.Locale.ROOT);
        if (!GRANULARITIES.contains(g)) {
            throw new InvalidRequestException("\"granularity\" is one of hour, day, week, month.");
        }
        AnalyticsPeriod period = new AnalyticsPeriod(day(from, "from"), day(to, "to"), g);
        if (period.from != null && period.to != null && period.from.isAfter(period.to)) {
            throw new InvalidRequestException("\"from\" is after \"to\".");
        }
        return period;
    }

    public LocalDateTime start() {
        return from == null ? LocalDateTime.of(1, 1, 1, 0, 0) : from.atStartOfDay();
    }

    public LocalDateTime end() {
        return to == null ? LocalDateTime.of(9999, 1, 1, 0, 0) : to.plusDays(1).atStartOfDay();
    }

    /** For cache keys. */
    public String key() {
        return from + "/" + to + "/" + granularity;
    }

    private static LocalDate day(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("\"" + name + "\" is a day like 2024-03-31.");
        }
    }
}
