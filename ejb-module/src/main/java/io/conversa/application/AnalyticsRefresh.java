package io.conversa.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Computes one conversation's analytics in PostgreSQL (a handful of grouped and windowed queries
 * over its messages, no row leaves the database) and replaces what was stored for it, in one
 * transaction (the caller drops the cached answers once it committed). Also says which
 * conversations changed since they were last computed.
 */
@Stateless
public class AnalyticsRefresh {

    private static final Logger LOG = Logger.getLogger(AnalyticsRefresh.class.getName());

    /** A silence longer than this ends a conversation session. */
    static final String SESSION_GAP = "30 minutes";

    private static final String MEDIA_KINDS = "('MEDIA_OMITTED', 'ATTACHMENT', 'VIEW_ONCE')";
    private static final String LOCAL_HOUR = "date_trunc('hour', COALESCE(m.local_time, m.sent_at AT TIME ZONE c.time_zone))";
    /** Words as separators plus one: a regex split per message cost 2 s more over 1.5 M messages. */
    private static final String WORDS = "CASE WHEN m.kind = 'TEXT' AND btrim(COALESCE(m.body, '')) <> ''"
            + " THEN length(btrim(m.body)) - length(translate(btrim(m.body), E' \\n\\t', '')) + 1 ELSE 0 END";
    private static final String EMOJI = "COALESCE(regexp_count(m.body, '[\\U0001F000-\\U0001FAFF\\U00002600-\\U000027BF]'), 0)";
    private static final String MEDIA_TYPE = "CASE WHEN m.kind <> 'ATTACHMENT' THEN lower(m.kind) ELSE"
            + " CASE lower(substring(m.attachment_name from '\\.([A-Za-z0-9]+)$'))"
            + " WHEN 'jpg' THEN 'image' WHEN 'jpeg' THEN 'image' WHEN 'png' THEN 'image' WHEN 'webp' THEN 'sticker'"
            + " WHEN 'gif' THEN 'image' WHEN 'mp4' THEN 'video' WHEN '3gp' THEN 'video' WHEN 'mov' THEN 'video'"
            + " WHEN 'opus' THEN 'audio' WHEN 'ogg' THEN 'audio' WHEN 'mp3' THEN 'audio' WHEN 'm4a' THEN 'audio'"
            + " WHEN 'aac' THEN 'audio' WHEN 'vcf' THEN 'contact' ELSE 'document' END END";
    /** Words a chat is full of in the languages of our fixtures; left out of the top keywords. */
    private static final String[] STOP_WORDS = ("that this with have from what when they there their will would about just like"
            + " your then them than were been also only some more here very much okay yeah yes haha hahaha jaja jajaja"
            + " omitted media message deleted null para pero como esto esta este todo bien sólo solo muy más porque cuando"
            + " donde está estoy tengo hola gracias você isso esse essa mais quando como aqui tudo obrigado"
            + " dans avec pour vous nous mais tout bien être sont cette c'est oui"
            + " aber auch eine einen einem nicht noch oder sich sind wenn wird dass habe haben hast schon"
            + " sono della nella questo quello anche come però").split(" ");

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    /** Ready conversations never computed, or whose messages, counts or enrichment changed since. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<UUID> changedConversations() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT c.id FROM conversation c"
                        + " LEFT JOIN analytics_state s ON s.conversation_id = c.id WHERE c.status = 'READY' AND ("
                        + " s.conversation_id IS NULL OR s.message_count <> c.message_count"
                        + " OR s.last_message_at IS DISTINCT FROM c.last_message_at OR s.source_updated < c.updated_at"
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

    /** Recomputes and replaces everything stored for the conversation. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recompute(UUID conversation) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // What the conversation looked like before reading its messages: a message arriving
            // meanwhile makes the next run see a difference and compute again.
            Object[] seen = snapshot(c, conversation);
            if (seen == null) {
                return;
            }
            Steps steps = new Steps();
            // The hourly activity of a 1.5 M-message chat is ~400k groups: with the default 4 MB the
            // hash aggregation spilled to disk in 33 batches (17 s instead of 13 s).
            update(c, "SET LOCAL work_mem = '128MB'");
            for (String table : List.of("analytics_activity", "analytics_media", "analytics_session", "analytics_reply",
                    "analytics_term", "analytics_label")) {
                update(c, "DELETE FROM " + table + " WHERE conversation_id = ?", conversation);
            }
            steps.done("delete");
            update(c, "INSERT INTO analytics_activity SELECT m.conversation_id, COALESCE(m.participant_id, 0), " + LOCAL_HOUR
                    + ", count(*), sum(" + WORDS + "), sum(CASE WHEN m.kind = 'TEXT' THEN char_length(COALESCE(m.body, '')) ELSE 0 END),"
                    + " sum(" + EMOJI + "), count(*) FILTER (WHERE m.kind IN " + MEDIA_KINDS + "),"
                    + " COALESCE(sum(m.sentiment_polarity), 0), count(m.sentiment_polarity)"
                    + " FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE m.conversation_id = ? GROUP BY 1, 2, 3",
                    conversation);
            steps.done("activity");
            update(c, "INSERT INTO analytics_media SELECT m.conversation_id, COALESCE(m.participant_id, 0), " + MEDIA_TYPE
                    + ", count(*) FROM message m WHERE m.conversation_id = ? AND m.kind IN ('MEDIA_OMITTED', 'ATTACHMENT',"
                    + " 'VIEW_ONCE', 'LOCATION', 'CONTACT', 'POLL') GROUP BY 1, 2, 3", conversation);
            steps.done("media");
            String turns = "WITH ordered AS (SELECT m.id, m.participant_id, m.sent_at, m.body,"
                    + " row_number() OVER w AS rn, lag(m.sent_at) OVER w AS prev_at,"
                    + " lag(m.participant_id) OVER w AS prev_author, lag(m.body) OVER w AS prev_body"
                    + " FROM message m WHERE m.conversation_id = ? AND m.participant_id IS NOT NULL"
                    + " WINDOW w AS (ORDER BY m.sent_at, m.sequence_no, m.id)),"
                    + " marked AS (SELECT *, (prev_at IS NULL OR sent_at - prev_at > interval '" + SESSION_GAP + "') AS starts"
                    + " FROM ordered)";
            update(c, turns + ", numbered AS (SELECT *, sum(CASE WHEN starts THEN 1 ELSE 0 END) OVER (ORDER BY rn) AS session_no"
                    + " FROM marked) INSERT INTO analytics_session SELECT ?, session_no, min(sent_at), max(sent_at), count(*),"
                    + " (array_agg(participant_id ORDER BY rn))[1] FROM numbered GROUP BY session_no", conversation, conversation);
            steps.done("sessions");
            update(c, turns + " INSERT INTO analytics_reply SELECT ?, participant_id, prev_author, count(*),"
                    + " avg(extract(epoch FROM sent_at - prev_at)),"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - prev_at)),"
                    + " count(*) FILTER (WHERE prev_body ~ '\\?\\s*$')"
                    + " FROM marked WHERE NOT starts AND participant_id <> prev_author GROUP BY participant_id, prev_author",
                    conversation, conversation);
            steps.done("replies");
            terms(c, conversation);
            steps.done("terms");
            update(c, "INSERT INTO analytics_label SELECT ?, 'emotion', emotion, count(*) FROM message"
                    + " WHERE conversation_id = ? AND emotion IS NOT NULL GROUP BY emotion", conversation, conversation);
            update(c, "INSERT INTO analytics_label SELECT ?, 'language', language, count(*) FROM message"
                    + " WHERE conversation_id = ? AND language IS NOT NULL GROUP BY language", conversation, conversation);
            try (PreparedStatement q = c.prepareStatement("INSERT INTO analytics_state (conversation_id, message_count,"
                    + " last_message_at, source_updated, computed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE"
                    + " SET message_count = EXCLUDED.message_count, last_message_at = EXCLUDED.last_message_at,"
                    + " source_updated = EXCLUDED.source_updated, computed_at = EXCLUDED.computed_at")) {
                q.setObject(1, conversation);
                q.setInt(2, (Integer) seen[0]);
                q.setTimestamp(3, (Timestamp) seen[1]);
                q.setTimestamp(4, (Timestamp) seen[2]);
                q.setTimestamp(5, (Timestamp) seen[3]);
                q.executeUpdate();
            }
            steps.done("labels and state");
            LOG.info(() -> "Analytics of conversation " + conversation + ", ms per step: " + steps);
        }
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

    private static Object[] snapshot(Connection c, UUID conversation) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT message_count, last_message_at, updated_at, now() FROM conversation WHERE id = ? AND status = 'READY'")) {
            q.setObject(1, conversation);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? new Object[] {r.getInt(1), r.getTimestamp(2), r.getTimestamp(3), r.getTimestamp(4)} : null;
            }
        }
    }

    /**
     * Top words and two-word phrases of the text messages; words are split on spaces and punctuation.
     * One pass: word pairs are counted first, and only the few distinct words and pairs are then
     * checked against the stop list (checking each of millions of words against it took a minute).
     */
    private static void terms(Connection c, UUID conversation) throws SQLException {
        String keep = "(char_length(%1$s) >= 4 AND lower(%1$s) <> upper(%1$s) AND NOT %1$s = ANY (?))";
        try (PreparedStatement q = c.prepareStatement("WITH w AS (SELECT m.id, t.word, t.n FROM message m,"
                + " regexp_split_to_table(lower(m.body), '[\\s[:punct:]]+') WITH ORDINALITY AS t(word, n)"
                + " WHERE m.conversation_id = ? AND m.kind = 'TEXT' AND m.body IS NOT NULL),"
                + " p AS (SELECT word, lead(word) OVER (PARTITION BY id ORDER BY n) AS next_word FROM w),"
                + " g AS (SELECT word, next_word, count(*) AS c FROM p GROUP BY 1, 2),"
                + " words AS (INSERT INTO analytics_term SELECT ?, 'word', left(word, 200), sum(c)::int FROM g"
                + " WHERE " + String.format(keep, "word") + " GROUP BY word ORDER BY sum(c) DESC, word LIMIT 50 RETURNING 1)"
                + " INSERT INTO analytics_term SELECT ?, 'phrase', left(word || ' ' || next_word, 200), sum(c)::int FROM g"
                + " WHERE next_word IS NOT NULL AND " + String.format(keep, "word") + " AND " + String.format(keep, "next_word")
                + " GROUP BY 3 HAVING sum(c) > 1 ORDER BY sum(c) DESC, 3 LIMIT 20")) {
            Array stop = c.createArrayOf("text", STOP_WORDS);
            q.setObject(1, conversation);
            q.setObject(2, conversation);
            q.setArray(3, stop);
            q.setObject(4, conversation);
            q.setArray(5, stop);
            q.setArray(6, stop);
            q.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            q.executeUpdate();
        }
    }
}
