package io.conversa.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Forgets messages older than the retention period, a chunk at a time, each chunk in a transaction of
 * its own so a first run over years of history never holds one huge transaction. The statuses,
 * reactions and revocations keyed by a deleted message's WhatsApp id go with it; the media rows go
 * too, and their stored files are handed back so the caller deletes them once the chunk committed.
 */
@Stateless
public class MessageRetention {

    private static final int CHUNK = 1000;

    /** The messages of one chunk, by id; bound as a PostgreSQL array. */
    private static final String CHUNK_WA_IDS = "SELECT wa_message_id FROM message WHERE id = ANY(CAST(?1 AS bigint[]))"
            + " AND wa_message_id IS NOT NULL";

    @PersistenceContext
    EntityManager em;

    @Inject
    MessageIndexing indexing;

    /** What one chunk removed: how many messages, from which conversations, and the stored files to delete. */
    public record Swept(int messages, List<UUID> conversations, List<String> objectKeys) {
    }

    /** Deletes up to one chunk of the messages sent before {@code cutoff}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public Swept sweepChunk(Instant cutoff) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM message WHERE sent_at < ?1 ORDER BY id LIMIT " + CHUNK)
                .setParameter(1, Timestamp.from(cutoff)).getResultList();
        if (ids.isEmpty()) {
            return new Swept(0, List.of(), List.of());
        }
        String array = "{" + String.join(",", ids.stream().map(n -> Long.toString(n.longValue())).toList()) + "}";
        List<String> keys = em.createNativeQuery("SELECT object_key FROM media_object WHERE object_key IS NOT NULL AND message_id = ANY(CAST(?1 AS bigint[]))")
                .setParameter(1, array).getResultList();
        List<UUID> conversations = em.createNativeQuery("SELECT DISTINCT conversation_id FROM message"
                + " WHERE id = ANY(CAST(?1 AS bigint[]))", UUID.class).setParameter(1, array).getResultList();
        execute("DELETE FROM message_status WHERE wa_message_id IN (" + CHUNK_WA_IDS + ")", array);
        execute("DELETE FROM message_reaction WHERE target_wa_id IN (" + CHUNK_WA_IDS + ")", array);
        execute("DELETE FROM message_revocation WHERE target_wa_id IN (" + CHUNK_WA_IDS + ")", array);
        execute("DELETE FROM media_object WHERE message_id = ANY(CAST(?1 AS bigint[]))", array);
        int messages = execute("DELETE FROM message WHERE id = ANY(CAST(?1 AS bigint[]))", array);
        indexing.forget(ids.stream().map(Number::longValue).toList());
        return new Swept(messages, conversations, keys);
    }

    /**
     * Of the conversations a sweep touched, deletes those left without messages (with their remaining
     * media rows, whose files are handed back) and recounts the others.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public Swept dropEmptied(List<UUID> touched) {
        if (touched.isEmpty()) {
            return new Swept(0, List.of(), List.of());
        }
        String array = "{" + String.join(",", touched.stream().map(UUID::toString).toList()) + "}";
        List<UUID> empty = em.createNativeQuery("SELECT c.id FROM conversation c WHERE c.id = ANY(CAST(?1 AS uuid[]))"
                + " AND c.status <> 'IMPORTING' AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id)", UUID.class)
                .setParameter(1, array).getResultList();
        List<String> keys = List.of();
        if (!empty.isEmpty()) {
            String emptied = "{" + String.join(",", empty.stream().map(UUID::toString).toList()) + "}";
            keys = em.createNativeQuery("SELECT object_key FROM media_object WHERE object_key IS NOT NULL AND conversation_id = ANY(CAST(?1 AS uuid[]))")
                    .setParameter(1, emptied).getResultList();
            execute("DELETE FROM conversation WHERE id = ANY(CAST(?1 AS uuid[]))", emptied);
        }
        execute("UPDATE conversation c SET message_count = (SELECT count(*) FROM message m WHERE m.conversation_id = c.id),"
                + " first_message_at = (SELECT min(sent_at) FROM message m WHERE m.conversation_id = c.id)"
                + " WHERE c.id = ANY(CAST(?1 AS uuid[]))", array);
        return new Swept(0, empty, keys);
    }

    private int execute(String sql, String array) {
        return em.createNativeQuery(sql).setParameter(1, array).executeUpdate();
    }
}
