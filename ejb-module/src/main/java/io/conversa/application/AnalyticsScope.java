package io.conversa.application;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which messages one step of an analytics run reads and which stored partials it replaces: all of a
 * conversation's, or only those of some local days (activity, session segments) or local months
 * (media, reply gaps, terms, labels). Days and months are the chat's wall time, the same day the
 * triggers of V12 mark. As SQL, a scope is a predicate on {@code message m} joined with its
 * {@code conversation c}, plus its arguments in order.
 */
public final class AnalyticsScope {

    /** The chat's wall time of a message: the export's own when it has one. */
    static final String LOCAL = "COALESCE(m.local_time, m.sent_at AT TIME ZONE c.time_zone)";
    static final String LOCAL_DAY = "(" + LOCAL + ")::date";
    static final String LOCAL_MONTH = "date_trunc('month', " + LOCAL + ")::date";

    private final UUID conversation;
    /** Null for the whole conversation; else days, or the first days of months. */
    private final SortedSet<LocalDate> units;
    private final boolean months;

    private AnalyticsScope(UUID conversation, SortedSet<LocalDate> units, boolean months) {
        this.conversation = conversation;
        this.units = units;
        this.months = months;
    }

    public static AnalyticsScope whole(UUID conversation) {
        return new AnalyticsScope(conversation, null, false);
    }

    public static AnalyticsScope days(UUID conversation, Collection<LocalDate> days) {
        return new AnalyticsScope(conversation, new TreeSet<>(days), false);
    }

    /** The months of these days. */
    public static AnalyticsScope months(UUID conversation, Collection<LocalDate> days) {
        TreeSet<LocalDate> firsts = new TreeSet<>();
        days.forEach(d -> firsts.add(d.withDayOfMonth(1)));
        return new AnalyticsScope(conversation, firsts, true);
    }

    public UUID conversation() {
        return conversation;
    }

    public boolean whole() {
        return units == null;
    }

    public boolean isEmpty() {
        return units != null && units.isEmpty();
    }

    /** The days or months (first days), for the log and tests; empty for the whole conversation. */
    public SortedSet<LocalDate> units() {
        return units == null ? new TreeSet<>() : units;
    }

    /** The expression of a message's unit (its local day or month), to group by. */
    public String unit() {
        return months ? LOCAL_MONTH : LOCAL_DAY;
    }

    /** The messages in scope. */
    public String messages() {
        return whole() ? "m.conversation_id = ?" : window() + " AND " + unit() + " IN (SELECT unnest(?::date[]))";
    }

    public List<Object> messagesArgs(Connection c) throws SQLException {
        List<Object> args = windowArgs(0);
        if (!whole()) {
            args.add(dates(c));
        }
        return args;
    }

    /**
     * The messages that may lie in scope, by their UTC time (index range), without the exact unit
     * test: for a step that also needs the message just before each one (replies), which may lie in
     * the previous unit. {@code lookbackSeconds} widens the range backwards.
     */
    public String window() {
        return whole() ? "m.conversation_id = ?" : "m.conversation_id = ? AND m.sent_at >= ? AND m.sent_at < ?";
    }

    public List<Object> windowArgs(long lookbackSeconds) {
        List<Object> args = new ArrayList<>(List.of(conversation));
        if (!whole()) {
            args.add(lower().minusSeconds(lookbackSeconds));
            args.add(upper());
        }
        return args;
    }

    /** Stored partial rows in scope, by their unit column (a DATE: day or first day of month). */
    public String stored(String unitColumn) {
        return whole() ? "conversation_id = ?" : "conversation_id = ? AND " + unitColumn + " IN (SELECT unnest(?::date[]))";
    }

    public List<Object> storedArgs(Connection c) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(conversation));
        if (!whole()) {
            args.add(dates(c));
        }
        return args;
    }

    /** A filter on a column holding a message's unit, for a query already limited by {@link #window()}. */
    public String unitFilter(String unitColumn) {
        return whole() ? "" : " AND " + unitColumn + " IN (SELECT unnest(?::date[]))";
    }

    public List<Object> unitFilterArgs(Connection c) throws SQLException {
        return whole() ? new ArrayList<>() : new ArrayList<>(List.of(dates(c)));
    }

    /**
     * Earliest UTC time a message of the first unit may have: a wall-clock day lies within a day of
     * the same UTC day whatever the zone (offsets are at most 14 hours).
     */
    OffsetDateTime lower() {
        return units.first().minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** Latest UTC time (exclusive) a message of the last unit may have. */
    OffsetDateTime upper() {
        LocalDate last = months ? units.last().plusMonths(1) : units.last().plusDays(1);
        return last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private Object dates(Connection c) throws SQLException {
        return c.createArrayOf("date", units.stream().map(Date::valueOf).toArray());
    }

    @Override
    public String toString() {
        if (whole()) {
            return "all";
        }
        if (units.isEmpty()) {
            return "none";
        }
        return units.size() + (months ? " months " : " days ") + units.first() + ".." + units.last();
    }
}
