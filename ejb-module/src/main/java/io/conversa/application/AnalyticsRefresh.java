package io.conversa.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings one conversation's analytics up to date, in one transaction (the caller drops the cached
 * answers once it committed): the first time, or when its time zone changed, over all its messages;
 * afterwards only over the local days whose messages were added, removed or edited since (marked by
 * the triggers of V12) or enriched by NLP since, and the months around them, then derives the
 * whole-history figures from the stored partials ({@link AnalyticsPartials}, {@link AnalyticsTotals}).
 * So 1,000 new messages cost a day or two of work, not the whole history. Also says which
 * conversations changed since they were last computed.
 */
@Stateless
public class AnalyticsRefresh {

    private static final Logger LOG = Logger.getLogger(AnalyticsRefresh.class.getName());

    /** A silence longer than this ends a conversation session. */
    static final String SESSION_GAP = AnalyticsPartials.SESSION_GAP;

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    /** Ready conversations never computed, or whose messages, counts, time zone or enrichment changed since. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<UUID> changedConversations() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // Marks left by conversations deleted since (their marks have no foreign key, see V12).
            AnalyticsPartials.update(c, "DELETE FROM analytics_touched_day t"
                    + " WHERE NOT EXISTS (SELECT 1 FROM conversation c WHERE c.id = t.conversation_id)");
            return changed(c);
        }
    }

    private static List<UUID> changed(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT c.id FROM conversation c"
                        + " LEFT JOIN analytics_state s ON s.conversation_id = c.id WHERE c.status = 'READY' AND ("
                        + " s.conversation_id IS NULL OR s.message_count <> c.message_count"
                        + " OR s.last_message_at IS DISTINCT FROM c.last_message_at OR s.source_updated < c.updated_at"
                        + " OR s.time_zone IS DISTINCT FROM c.time_zone"
                        + " OR EXISTS (SELECT 1 FROM analytics_touched_day t WHERE t.conversation_id = c.id)"
                        + " OR EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.enriched_at > s.computed_at))"
                        + " ORDER BY c.message_count DESC");
                ResultSet rows = q.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        }
    }

    /** Computes what changed since the last run (everything the first time) and derives the totals. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recompute(UUID conversation) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            refresh(c, conversation);
        }
    }

    /** The work of {@link #recompute}, on the caller's connection and transaction. */
    static void refresh(Connection c, UUID conversation) throws SQLException {
        // What the conversation looked like before reading its messages: a message arriving
        // meanwhile makes the next run see a difference and compute again.
        Snapshot seen = snapshot(c, conversation);
        if (seen == null) {
            return;
        }
        Steps steps = new Steps();
        // The hourly activity of a 1.5 M-message chat is ~400k groups: with the default 4 MB the
        // hash aggregation spilled to disk in 33 batches (17 s instead of 13 s).
        AnalyticsPartials.update(c, "SET LOCAL work_mem = '128MB'");
        Marks marks = marks(c, conversation);
        LastRun last = lastRun(c, conversation);
        boolean full = last == null || !seen.timeZone().equals(last.timeZone());
        AnalyticsScope content;
        AnalyticsScope enriched;
        if (full) {
            content = AnalyticsScope.whole(conversation);
            enriched = content;
        } else {
            content = AnalyticsScope.days(conversation, marks.days());
            enriched = AnalyticsScope.days(conversation, enrichedDays(c, conversation, last.computedAt()));
        }
        steps.done("changes (" + (full ? "full" : marks.ids().size() + " marks") + ")");
        compute(c, content, enriched, steps);
        AnalyticsPartials.update(c, "DELETE FROM analytics_touched_day WHERE id = ANY (?)",
                c.createArrayOf("bigint", marks.ids().toArray()));
        saveState(c, conversation, seen);
        steps.done("state");
        LOG.info(() -> "Analytics of conversation " + conversation + (full ? " in full" : ", days changed: " + content
                + ", days enriched: " + enriched) + "; ms per step: " + steps);
    }

    /**
     * Activity follows both kinds of change (sentiment is in it), the labels too (by month); sessions,
     * media, replies and terms follow the content only. A day's change also reaches the next day's
     * first reply (its previous message), hence the months of the days after the changed ones too.
     */
    private static void compute(Connection c, AnalyticsScope content, AnalyticsScope enriched, Steps steps) throws SQLException {
        UUID id = content.conversation();
        AnalyticsScope activityDays = content.whole() ? content : AnalyticsScope.days(id, union(content, enriched, false));
        AnalyticsScope contentMonths = content.whole() ? content : AnalyticsScope.months(id, union(content, content, true));
        AnalyticsScope labelMonths = content.whole() ? content : AnalyticsScope.months(id, union(content, enriched, false));
        if (!activityDays.isEmpty()) {
            AnalyticsPartials.activity(c, activityDays);
            steps.done("activity " + activityDays);
        }
        if (!content.isEmpty()) {
            AnalyticsPartials.segments(c, content);
            AnalyticsTotals.sessions(c, id);
            steps.done("sessions");
            AnalyticsPartials.media(c, contentMonths);
            steps.done("media " + contentMonths);
            AnalyticsPartials.replyGaps(c, contentMonths);
            AnalyticsTotals.replies(c, id);
            steps.done("replies");
            AnalyticsPartials.terms(c, contentMonths);
            AnalyticsTotals.terms(c, id);
            steps.done("terms");
        }
        if (!labelMonths.isEmpty()) {
            AnalyticsPartials.labels(c, labelMonths);
            steps.done("labels " + labelMonths);
        }
    }

    /** The days of both scopes; with {@code nextDays}, each day's next day too. */
    private static List<LocalDate> union(AnalyticsScope a, AnalyticsScope b, boolean nextDays) {
        TreeSet<LocalDate> days = new TreeSet<>(a.units());
        days.addAll(b.units());
        if (nextDays) {
            new ArrayList<>(days).forEach(d -> days.add(d.plusDays(1)));
        }
        return new ArrayList<>(days);
    }

    /** How long each step took, for the log: the figures that say where a slow run spends its time. */
    private static final class Steps {
        private final StringBuilder done = new StringBuilder();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            done.append(done.length() == 0 ? "" : ", ").append(step).append(' ').append((now - last) / 1_000_000);
            last = now;
        }

        @Override
        public String toString() {
            return done.toString();
        }
    }

    /** The conversation as a run saw it before reading its messages. */
    private record Snapshot(int messageCount, Timestamp lastMessageAt, Timestamp updatedAt, Timestamp now, String timeZone) {
    }

    private static Snapshot snapshot(Connection c, UUID conversation) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT message_count, last_message_at, updated_at, now(), time_zone"
                + " FROM conversation WHERE id = ? AND status = 'READY'")) {
            q.setObject(1, conversation);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? new Snapshot(r.getInt(1), r.getTimestamp(2), r.getTimestamp(3), r.getTimestamp(4), r.getString(5)) : null;
            }
        }
    }

    /** The days the triggers marked, and the marks' ids: exactly these are deleted at the end. */
    private record Marks(List<Long> ids, TreeSet<LocalDate> days) {
    }

    private static Marks marks(Connection c, UUID conversation) throws SQLException {
        List<Long> ids = new ArrayList<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, day FROM analytics_touched_day WHERE conversation_id = ?")) {
            q.setObject(1, conversation);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                    days.add(r.getDate(2).toLocalDate());
                }
            }
        }
        return new Marks(ids, days);
    }

    /** The time zone and start of a conversation's last run. */
    private record LastRun(String timeZone, Timestamp computedAt) {
    }

    /** Null when there was none. */
    private static LastRun lastRun(Connection c, UUID conversation) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT time_zone, computed_at FROM analytics_state WHERE conversation_id = ?")) {
            q.setObject(1, conversation);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? new LastRun(r.getString(1), r.getTimestamp(2)) : null;
            }
        }
    }

    /** Local days of the messages NLP enriched since the last run started. */
    private static List<LocalDate> enrichedDays(Connection c, UUID conversation, Timestamp since) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT " + AnalyticsScope.LOCAL_DAY
                + " FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE m.conversation_id = ? AND m.enriched_at > ?")) {
            q.setObject(1, conversation);
            q.setTimestamp(2, since);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    days.add(r.getDate(1).toLocalDate());
                }
            }
        }
        return days;
    }

    private static void saveState(Connection c, UUID conversation, Snapshot seen) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("INSERT INTO analytics_state (conversation_id, message_count,"
                + " last_message_at, source_updated, computed_at, time_zone) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id)"
                + " DO UPDATE SET message_count = EXCLUDED.message_count, last_message_at = EXCLUDED.last_message_at,"
                + " source_updated = EXCLUDED.source_updated, computed_at = EXCLUDED.computed_at, time_zone = EXCLUDED.time_zone")) {
            q.setObject(1, conversation);
            q.setInt(2, seen.messageCount());
            q.setTimestamp(3, seen.lastMessageAt());
            q.setTimestamp(4, seen.updatedAt());
            q.setTimestamp(5, seen.now());
            q.setString(6, seen.timeZone());
            q.executeUpdate();
        }
    }
}
