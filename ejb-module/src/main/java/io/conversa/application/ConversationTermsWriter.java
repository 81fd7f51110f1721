package io.conversa.application;

import io.conversa.application.nlp.ConversationTerms;
import io.conversa.application.nlp.Keyword;
import io.conversa.application.nlp.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Recomputes and stores a conversation's keywords and topics (per month and overall) from its
 * latest text messages. Webhook conversations grow a message at a time, so between reruns the
 * terms are recomputed at most once a minute per conversation: they may trail the newest
 * messages by that much.
 */
@ApplicationScoped
public class ConversationTermsWriter {

    /** Only the latest this many text messages count: older ones are left out of keywords and topics, to bound the work. */
    static final int MAX_MESSAGES = 100_000;

    @Inject
    NlpResources resources;

    void recompute(Connection c, UUID conversation, boolean force) throws SQLException {
        if (!force && recentlyComputed(c, conversation)) {
            return;
        }
        List<ConversationTerms.Entry> entries = new ArrayList<>();
        ZoneId zone;
        try (PreparedStatement s = c.prepareStatement("SELECT time_zone FROM conversation WHERE id = ?")) {
            s.setObject(1, conversation);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return;
                }
                zone = ZoneId.of(r.getString(1));
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT sent_at, language, body FROM message WHERE conversation_id = ?"
                + " AND kind = 'TEXT' AND body IS NOT NULL ORDER BY sent_at DESC LIMIT " + MAX_MESSAGES)) {
            s.setObject(1, conversation);
            s.setFetchSize(5000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new ConversationTerms.Entry(r.getTimestamp(1).toInstant().atZone(zone).toLocalDate(),
                            r.getString(2), r.getString(3)));
                }
            }
        }
        java.util.Collections.reverse(entries);
        ConversationTerms.Result result = resources.terms().of(entries);
        store(c, conversation, result, entries.size());
    }

    private static boolean recentlyComputed(Connection c, UUID conversation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM conversation_terms_state WHERE conversation_id = ?"
                + " AND computed_at > now() - interval '1 minute'")) {
            s.setObject(1, conversation);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void store(Connection c, UUID conversation, ConversationTerms.Result result, int messages) throws SQLException {
        c.setAutoCommit(false);
        try {
            for (String table : new String[] {"conversation_keyword", "conversation_topic"}) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE conversation_id = ?")) {
                    s.setObject(1, conversation);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO conversation_keyword (conversation_id, period, rank, phrase,"
                    + " words, score, occurrences) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (var period : result.keywords().entrySet()) {
                    int rank = 0;
                    for (Keyword k : period.getValue()) {
                        s.setObject(1, conversation);
                        s.setString(2, period.getKey());
                        s.setInt(3, ++rank);
                        s.setString(4, k.phrase());
                        s.setInt(5, k.words());
                        s.setFloat(6, (float) k.score());
                        s.setInt(7, k.count());
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO conversation_topic (conversation_id, period, topic, weight,"
                    + " terms) VALUES (?, ?, ?, ?, ?)")) {
                for (var period : result.topics().entrySet()) {
                    for (Topic t : period.getValue()) {
                        s.setObject(1, conversation);
                        s.setString(2, period.getKey());
                        s.setInt(3, t.number());
                        s.setFloat(4, (float) t.weight());
                        s.setArray(5, c.createArrayOf("text", t.terms().toArray()));
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO conversation_terms_state (conversation_id, messages, computed_at)"
                    + " VALUES (?, ?, now()) ON CONFLICT (conversation_id) DO UPDATE SET messages = EXCLUDED.messages,"
                    + " computed_at = EXCLUDED.computed_at")) {
                s.setObject(1, conversation);
                s.setInt(2, messages);
                s.executeUpdate();
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }
}
