package io.conversa.application;

import static io.conversa.application.AnalyticsScope.LOCAL;
import static io.conversa.application.AnalyticsScope.LOCAL_DAY;
import static io.conversa.application.AnalyticsScope.LOCAL_MONTH;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The partial aggregates an analytics run replaces for its scope, each computed in PostgreSQL from
 * the messages in scope (grouped and windowed queries, no row leaves the database): activity per
 * participant and local hour, session segments per local day, and per local month media by type,
 * reply gaps, words and pairs, NLP labels. Each step deletes the scope's stored rows, then writes them.
 */
final class AnalyticsPartials {

    /** A silence longer than this ends a conversation session (and a reply is an answer within it). */
    static final String SESSION_GAP = "30 minutes";
    /** The session gap, as the reply step's lookback into the previous unit. */
    static final long SESSION_GAP_SECONDS = 30 * 60;

    private static final String FROM = " FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE ";
    private static final String MEDIA_KINDS = "('MEDIA_OMITTED', 'ATTACHMENT', 'VIEW_ONCE')";
    private static final String LOCAL_HOUR = "date_trunc('hour', " + LOCAL + ")";
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
    static final String[] STOP_WORDS = ("that this with have from what when they there their will would about just like"
            + " your then them than were been also only some more here very much okay yeah yes haha hahaha jaja jajaja"
            + " omitted media message deleted null para pero como esto esta este todo bien sólo solo muy más porque cuando"
            + " donde está estoy tengo hola gracias você isso esse essa mais quando como aqui tudo obrigado"
            + " dans avec pour vous nous mais tout bien être sont cette c'est oui"
            + " aber auch eine einen einem nicht noch oder sich sind wenn wird dass habe haben hast schon"
            + " sono della nella questo quello anche come però").split(" ");

    private AnalyticsPartials() {
    }

    /** Messages, words, characters, emoji, media and sentiment per participant and local hour. */
    static void activity(Connection c, AnalyticsScope days) throws SQLException {
        // The local hour's day is the unit; a range on the hour keeps the delete to the days' index entries.
        List<Object> stored = days.storedArgs(c);
        String range = "";
        if (!days.whole()) {
            range = " AND hour >= ? AND hour < ?";
            stored.add(days.units().first().atStartOfDay());
            stored.add(days.units().last().plusDays(1).atStartOfDay());
        }
        update(c, "DELETE FROM analytics_activity WHERE " + days.stored("hour::date") + range, stored);
        update(c, "INSERT INTO analytics_activity (conversation_id, participant_id, hour, messages, words, characters, emoji,"
                + " media, sentiment_sum, sentiment_count) SELECT m.conversation_id, COALESCE(m.participant_id, 0), " + LOCAL_HOUR
                + ", count(*), sum(" + WORDS + "), sum(CASE WHEN m.kind = 'TEXT' THEN char_length(COALESCE(m.body, '')) ELSE 0 END),"
                + " sum(" + EMOJI + "), count(*) FILTER (WHERE m.kind IN " + MEDIA_KINDS + "),"
                + " COALESCE(sum(m.sentiment_polarity), 0), count(m.sentiment_polarity)" + FROM + days.messages() + " GROUP BY 1, 2, 3",
                days.messagesArgs(c));
    }

    /** Media shared per participant, type (kind or attachment extension) and local month. */
    static void media(Connection c, AnalyticsScope months) throws SQLException {
        update(c, "DELETE FROM analytics_media WHERE " + months.stored("month"), months.storedArgs(c));
        update(c, "INSERT INTO analytics_media (conversation_id, participant_id, media_type, count, month)"
                + " SELECT m.conversation_id, COALESCE(m.participant_id, 0), " + MEDIA_TYPE + ", count(*), " + LOCAL_MONTH + FROM
                + months.messages() + " AND m.kind IN ('MEDIA_OMITTED', 'ATTACHMENT', 'VIEW_ONCE', 'LOCATION', 'CONTACT', 'POLL')"
                + " GROUP BY 1, 2, 3, 5", months.messagesArgs(c));
    }

    /**
     * Session segments of each local day: the day's messages split where the silence exceeds the
     * session gap. Whether a day's first segment continues the previous day's last one is decided
     * when the sessions are derived ({@link AnalyticsTotals#sessions}), so a day is computed alone.
     */
    static void segments(Connection c, AnalyticsScope days) throws SQLException {
        update(c, "DELETE FROM analytics_session_segment WHERE " + days.stored("day"), days.storedArgs(c));
        List<Object> args = days.messagesArgs(c);
        args.add(days.conversation());
        update(c, "WITH ordered AS (SELECT m.participant_id, m.sent_at, " + LOCAL_DAY + " AS day,"
                + " row_number() OVER w AS rn, lag(m.sent_at) OVER w AS prev_at" + FROM + days.messages()
                + " AND m.participant_id IS NOT NULL WINDOW w AS (PARTITION BY " + LOCAL_DAY + " ORDER BY m.sent_at, m.sequence_no, m.id)),"
                + " numbered AS (SELECT *, sum(CASE WHEN prev_at IS NULL OR sent_at - prev_at > interval '" + SESSION_GAP
                + "' THEN 1 ELSE 0 END) OVER (PARTITION BY day ORDER BY rn) AS segment FROM ordered)"
                + " INSERT INTO analytics_session_segment (conversation_id, day, started_at, ended_at, messages, initiator_id)"
                + " SELECT ?, day, min(sent_at), max(sent_at), count(*), (array_agg(participant_id ORDER BY rn))[1]"
                + " FROM numbered GROUP BY day, segment", args);
    }

    /**
     * Replies per local month of the reply, pair and gap: a message by someone else than the previous
     * one, within the session gap of it, answers the previous author. The previous message may lie in
     * the month before, so the messages are read from one session gap earlier.
     */
    static void replyGaps(Connection c, AnalyticsScope months) throws SQLException {
        update(c, "DELETE FROM analytics_reply_gap WHERE " + months.stored("month"), months.storedArgs(c));
        List<Object> args = months.windowArgs(SESSION_GAP_SECONDS);
        args.add(months.conversation());
        args.addAll(months.unitFilterArgs(c));
        update(c, "WITH ordered AS (SELECT m.participant_id, m.sent_at, " + LOCAL_MONTH + " AS month,"
                + " lag(m.sent_at) OVER w AS prev_at, lag(m.participant_id) OVER w AS prev_author, lag(m.body) OVER w AS prev_body"
                + FROM + months.window() + " AND m.participant_id IS NOT NULL WINDOW w AS (ORDER BY m.sent_at, m.sequence_no, m.id))"
                + " INSERT INTO analytics_reply_gap (conversation_id, month, responder_id, to_participant_id, seconds, replies,"
                + " answered_questions) SELECT ?, month, participant_id, prev_author, extract(epoch FROM sent_at - prev_at)::float8,"
                + " count(*), count(*) FILTER (WHERE prev_body ~ '\\?\\s*$') FROM ordered"
                + " WHERE sent_at - prev_at <= interval '" + SESSION_GAP + "' AND participant_id <> prev_author"
                + months.unitFilter("month") + " GROUP BY 2, 3, 4, 5", args);
    }

    /**
     * Words and two-word phrases of the text messages per local month; words are split on spaces and
     * punctuation. One pass: word pairs are counted first, and only the distinct words and pairs are
     * then checked against the stop list (checking each of millions of words against it took a minute).
     * Only words and pairs the top lists may show are kept: those rules do not depend on counts.
     */
    static void terms(Connection c, AnalyticsScope months) throws SQLException {
        update(c, "DELETE FROM analytics_term_month WHERE " + months.stored("month"), months.storedArgs(c));
        String keep = "(char_length(%1$s) >= 4 AND lower(%1$s) <> upper(%1$s) AND NOT %1$s = ANY (?))";
        Array stop = c.createArrayOf("text", STOP_WORDS);
        Object conversation = months.conversation();
        List<Object> args = months.messagesArgs(c);
        args.addAll(List.of(conversation, stop, conversation, stop, stop));
        // Each message's words as an array, materialized once (else the array is split again for every
        // subscript), then word i and word i + 1 by subscript: half the time of a lead() window, which
        // sorts every word of the chat.
        update(c, "WITH w AS MATERIALIZED (SELECT " + LOCAL_MONTH + " AS month,"
                + " regexp_split_to_array(lower(m.body), '[\\s[:punct:]]+') AS a" + FROM + months.messages()
                + " AND m.kind = 'TEXT' AND m.body IS NOT NULL),"
                + " g AS (SELECT month, a[i] AS word, a[i + 1] AS next_word, count(*) AS c"
                + " FROM w CROSS JOIN LATERAL generate_subscripts(a, 1) AS i GROUP BY 1, 2, 3),"
                + " words AS (INSERT INTO analytics_term_month (conversation_id, month, kind, term, count)"
                + " SELECT ?, month, 'word', left(word, 200), sum(c)::int FROM g WHERE " + String.format(keep, "word")
                + " GROUP BY 2, 4 RETURNING 1)"
                + " INSERT INTO analytics_term_month (conversation_id, month, kind, term, count)"
                + " SELECT ?, month, 'phrase', left(word || ' ' || next_word, 200), sum(c)::int FROM g"
                + " WHERE next_word IS NOT NULL AND " + String.format(keep, "word") + " AND " + String.format(keep, "next_word")
                + " GROUP BY 2, 4", args);
    }

    /** What NLP decided (emotion and language) per local month, once it has run. */
    static void labels(Connection c, AnalyticsScope months) throws SQLException {
        update(c, "DELETE FROM analytics_label WHERE " + months.stored("month"), months.storedArgs(c));
        for (String kind : List.of("emotion", "language")) {
            update(c, "INSERT INTO analytics_label (conversation_id, kind, label, count, month) SELECT m.conversation_id, '" + kind
                    + "', m." + kind + ", count(*), " + LOCAL_MONTH + FROM + months.messages() + " AND m." + kind
                    + " IS NOT NULL GROUP BY 1, 3, 5", months.messagesArgs(c));
        }
    }

    static int update(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                q.setObject(i + 1, params.get(i));
            }
            return q.executeUpdate();
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        return update(c, sql, new ArrayList<>(List.of(params)));
    }
}
