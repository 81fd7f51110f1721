package io.conversa.application;

import io.conversa.application.nlp.ConversationFacts;
import io.conversa.application.nlp.Enrichment;
import io.conversa.application.nlp.Entity;
import io.conversa.application.nlp.LanguageEvidence;
import io.conversa.application.nlp.MessageText;
import io.conversa.application.nlp.NlpPipeline;
import io.conversa.application.nlp.PhoneRegions;
import io.conversa.infrastructure.index.BulkIndexing;
import io.conversa.infrastructure.messaging.BurstShield;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Enriches one conversation's messages through the NLP pipeline, in pages by id, each page read,
 * analysed and written (JDBC batch updates of the message columns, entity rows replaced) in one
 * transaction of its own, so a crash loses at most a page and a rerun resumes where it stopped.
 * Messages without text (media, deletions, system notices) are only marked as looked at. Then
 * the conversation's keywords and topics are recomputed ({@link ConversationTermsWriter}). Each
 * committed page is re-indexed, so that search filters by language and sentiment and the stemmed
 * field of the message's language find it (the index saw the message before NLP had run).
 * Each bean instance keeps its own pipeline: instances serve one call at a time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConversationEnrichment {

    private static final Logger LOG = Logger.getLogger(ConversationEnrichment.class.getName());
    static final int PAGE = 2000;

    /** How many of the conversation's latest enriched messages tell its languages. */
    static final int EVIDENCE = 5000;

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    @Inject
    NlpResources resources;

    @Inject
    ConversationTermsWriter terms;

    @Inject
    MessageIndexing indexing;

    /** A long conversation is enriched over minutes, page by page: each page waits while webhooks burst in. */
    @Inject
    BurstShield burst;

    private NlpPipeline pipeline;

    /**
     * Enriches the conversation's messages not enriched yet, or all of them when {@code everything}
     * (a rerun); returns how many messages it went through.
     */
    public int enrich(UUID conversation, boolean everything) throws SQLException {
        long started = System.nanoTime();
        if (pipeline == null) {
            pipeline = resources.pipeline();
        }
        int done = 0;
        try (Connection c = dataSource.getConnection()) {
            ZoneId zone = zone(c, conversation);
            if (zone == null) {
                return 0; // the conversation is gone
            }
            // Read only once there is a page to enrich: most deliveries for a busy conversation (one per
            // webhook message) find that an earlier one already did the work.
            ConversationFacts facts = null;
            BulkIndexing reindexed = new BulkIndexing();
            long after = 0;
            while (true) {
                burst.awaitLull();
                c.setAutoCommit(false);
                lock(c, conversation);
                List<MessageText> page = new ArrayList<>(PAGE);
                List<Long> silent = new ArrayList<>();
                after = readPage(c, conversation, after, everything, zone, page, silent);
                if (page.isEmpty() && silent.isEmpty()) {
                    c.commit();
                    break;
                }
                if (facts == null) {
                    facts = facts(c, conversation, everything);
                }
                List<Enrichment> found = pipeline.enrich(page, facts);
                write(c, conversation, found, silent);
                c.commit();
                // After the commit: the index reads the rows just written. Messages without text keep no NLP result.
                indexing.reindex(found.stream().map(Enrichment::messageId).toList(), reindexed);
                done += page.size() + silent.size();
            }
            c.setAutoCommit(true);
            if (done > 0) {
                indexing.finish(reindexed, false);
            }
            long enriched = System.nanoTime();
            if (done > 0) {
                terms.recompute(c, conversation, everything);
                int n = done;
                LOG.info(() -> String.format("NLP: conversation %s, %d messages in %d ms (enrichment %d ms, keywords and topics %d ms)",
                        conversation, n, (System.nanoTime() - started) / 1_000_000, (enriched - started) / 1_000_000,
                        (System.nanoTime() - enriched) / 1_000_000));
            }
        }
        return done;
    }

    /**
     * One writer per conversation at a time: a rerun and the queue's consumer on the same conversation
     * would otherwise both delete a page's entities and both insert them again. Held until the page commits.
     */
    private static void lock(Connection c, UUID conversation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, conversation.getMostSignificantBits() ^ conversation.getLeastSignificantBits());
            s.executeQuery().close();
        }
    }

    private static ZoneId zone(Connection c, UUID conversation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT time_zone FROM conversation WHERE id = ?")) {
            s.setObject(1, conversation);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? ZoneId.of(r.getString(1)) : null;
            }
        }
    }

    /** Participants and, unless everything is redone, the languages already found in the conversation. */
    private static ConversationFacts facts(Connection c, UUID conversation, boolean everything) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT display_name, phone FROM participant WHERE conversation_id = ?")) {
            s.setObject(1, conversation);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                    phones.add(r.getString(2) != null ? r.getString(2) : r.getString(1));
                }
            }
        }
        LanguageEvidence evidence = new LanguageEvidence();
        if (!everything) {
            // The latest messages only: counting the whole history again for every webhook message made each
            // delivery on a long conversation cost a scan of all of it.
            try (PreparedStatement s = c.prepareStatement("SELECT participant_id, language, COUNT(*) FROM"
                    + " (SELECT participant_id, language FROM message WHERE conversation_id = ? AND enriched_at IS NOT NULL"
                    + " AND language IS NOT NULL AND language <> 'und' ORDER BY sent_at DESC, id DESC LIMIT " + EVIDENCE + ") latest"
                    + " GROUP BY participant_id, language")) {
                s.setObject(1, conversation);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long author = r.getLong(1);
                        evidence.add(r.wasNull() ? null : author, r.getString(2), r.getInt(3));
                    }
                }
            }
        }
        String main = evidence.counts().entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse("und");
        String region = PhoneRegions.of(phones, main);
        return new ConversationFacts(evidence, names, region, !"US".equals(region));
    }

    private static long readPage(Connection c, UUID conversation, long after, boolean everything, ZoneId zone,
            List<MessageText> page, List<Long> silent) throws SQLException {
        String sql = "SELECT id, participant_id, sent_at, body, kind FROM message WHERE conversation_id = ? AND id > ?"
                + (everything ? "" : " AND enriched_at IS NULL") + " ORDER BY id LIMIT " + PAGE;
        long last = after;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, conversation);
            s.setLong(2, after);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    last = r.getLong(1);
                    long author = r.getLong(2);
                    Long authorId = r.wasNull() ? null : author;
                    String body = r.getString(4);
                    String kind = r.getString(5);
                    if (body == null || body.isBlank() || "SYSTEM".equals(kind) || "DELETED".equals(kind)) {
                        silent.add(last);
                    } else {
                        page.add(new MessageText(last, authorId, r.getTimestamp(3).toInstant().atZone(zone).toLocalDate(), body));
                    }
                }
            }
        }
        return last;
    }

    private static void write(Connection c, UUID conversation, List<Enrichment> found, List<Long> silent) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM message_entity WHERE message_id = ANY (?)")) {
            Long[] ids = found.stream().map(Enrichment::messageId).toArray(Long[]::new);
            delete.setArray(1, c.createArrayOf("bigint", ids));
            delete.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE message SET language = ?, language_confidence = ?,"
                + " sentiment_polarity = ?, sentiment_subjectivity = ?, emotion = ?, enriched_at = now() WHERE id = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO message_entity (message_id, conversation_id, kind,"
                        + " text, start_offset, end_offset, normalised) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Enrichment e : found) {
                update.setString(1, e.language().language());
                update.setFloat(2, e.language().confidence());
                update.setFloat(3, e.sentiment().polarity());
                update.setFloat(4, e.sentiment().subjectivity());
                update.setString(5, e.sentiment().emotion());
                update.setLong(6, e.messageId());
                update.addBatch();
                for (Entity x : e.entities()) {
                    insert.setLong(1, e.messageId());
                    insert.setObject(2, conversation);
                    insert.setString(3, x.kind().name());
                    insert.setString(4, x.text());
                    insert.setInt(5, x.start());
                    insert.setInt(6, x.end());
                    insert.setString(7, x.normalised());
                    insert.addBatch();
                }
            }
            for (Long id : silent) {
                for (int i = 1; i <= 5; i++) {
                    update.setNull(i, i == 1 || i == 5 ? Types.VARCHAR : Types.REAL);
                }
                update.setLong(6, id);
                update.addBatch();
            }
            update.executeBatch();
            insert.executeBatch();
        }
    }
}
