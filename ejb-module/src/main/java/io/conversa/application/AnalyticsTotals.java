package io.conversa.application;

import static io.conversa.application.AnalyticsPartials.SESSION_GAP;
import static io.conversa.application.AnalyticsPartials.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The conversation's whole-history analytics that the answers read, derived from the stored partials
 * after a run changed some: sessions from the day segments, the response-time matrix from the reply
 * gaps (exact counts, averages and medians: the gaps are a histogram of exact values), the top
 * keywords and phrases from the monthly counts. Each reads a few rows per day or month, not messages.
 */
final class AnalyticsTotals {

    private AnalyticsTotals() {
    }

    /**
     * A segment starting within the session gap of the previous segment's end continues its session:
     * that is only ever the first segment of a day, carrying over the previous day's last one.
     */
    static void sessions(Connection c, UUID conversation) throws SQLException {
        update(c, "DELETE FROM analytics_session WHERE conversation_id = ?", conversation);
        update(c, "WITH s AS (SELECT started_at, ended_at, messages, initiator_id, lag(ended_at) OVER (ORDER BY started_at) AS prev_end"
                + " FROM analytics_session_segment WHERE conversation_id = ?),"
                + " n AS (SELECT *, sum(CASE WHEN prev_end IS NULL OR started_at - prev_end > interval '" + SESSION_GAP
                + "' THEN 1 ELSE 0 END) OVER (ORDER BY started_at) AS session_no FROM s)"
                + " INSERT INTO analytics_session (conversation_id, session_no, started_at, ended_at, messages, initiator_id)"
                + " SELECT ?, session_no, min(started_at), max(ended_at), sum(messages), (array_agg(initiator_id ORDER BY started_at))[1]"
                + " FROM n GROUP BY session_no", conversation, conversation);
    }

    /**
     * Per pair: replies, average and median gap, answered questions. The median is percentile_cont's
     * (the mean of the two middle values when their number is even), read off the cumulative counts:
     * the value at 0-based position k is the smallest gap whose cumulative count exceeds k.
     */
    static void replies(Connection c, UUID conversation) throws SQLException {
        update(c, "DELETE FROM analytics_reply WHERE conversation_id = ?", conversation);
        update(c, "WITH h AS (SELECT responder_id, to_participant_id, seconds, sum(replies) AS n, sum(answered_questions) AS q"
                + " FROM analytics_reply_gap WHERE conversation_id = ? GROUP BY 1, 2, 3),"
                + " cum AS (SELECT *, sum(n) OVER (PARTITION BY responder_id, to_participant_id ORDER BY seconds) AS upto,"
                + " sum(n) OVER (PARTITION BY responder_id, to_participant_id) AS total FROM h)"
                + " INSERT INTO analytics_reply (conversation_id, responder_id, to_participant_id, replies, avg_seconds, median_seconds,"
                + " answered_questions) SELECT ?, responder_id, to_participant_id, max(total)::int,"
                + " sum(seconds * n::float8) / max(total)::float8,"
                + " (min(seconds) FILTER (WHERE upto > floor((total - 1) / 2.0)) + min(seconds) FILTER (WHERE upto > ceil((total - 1) / 2.0))) / 2,"
                + " sum(q)::int FROM cum GROUP BY 2, 3", conversation, conversation);
    }

    /** The 50 most frequent words and the 20 most frequent phrases seen more than once. */
    static void terms(Connection c, UUID conversation) throws SQLException {
        update(c, "DELETE FROM analytics_term WHERE conversation_id = ?", conversation);
        update(c, "INSERT INTO analytics_term (conversation_id, kind, term, count) SELECT ?, 'word', term, sum(count)::int"
                + " FROM analytics_term_month WHERE conversation_id = ? AND kind = 'word'"
                + " GROUP BY term ORDER BY sum(count) DESC, term LIMIT 50", conversation, conversation);
        update(c, "INSERT INTO analytics_term (conversation_id, kind, term, count) SELECT ?, 'phrase', term, sum(count)::int"
                + " FROM analytics_term_month WHERE conversation_id = ? AND kind = 'phrase'"
                + " GROUP BY term HAVING sum(count) > 1 ORDER BY sum(count) DESC, term LIMIT 20", conversation, conversation);
    }
}
