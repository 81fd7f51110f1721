package io.conversa.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Forgets messages older than the retention period, a chunk at a time, each chunk in a transaction of
 * its own so a first run over years of history never holds one huge transaction. The statuses,
 * reactions, revocations and edits keyed by a deleted message's WhatsApp id go with it; the media rows
 * go too, and their stored files are handed back so the caller deletes them once the chunk committed.
 * Then what else holds someone's words or number from before the cutoff: the sends (outbound_message
 * keeps the Graph API request, text included), webhook events stored apart from messages, media rows
 * left without a message, and the uploaded exports of imports (the whole chat, as uploaded).
 */
@Stateless
public class MessageRetention {

    private static final int CHUNK = 1000;

    /** The messages of one chunk, by id; bound as a PostgreSQL array. */
    private static final String CHUNK_WA_IDS = "SELECT wa_message_id FROM message WHERE id = ANY(CAST(?1 AS bigint[]))"
            + " AND wa_message_id IS NOT NULL";

    /** Imports that are over: their upload is read no more. */
    private static final String FINISHED = "status IN ('SUCCEEDED', 'FAILED')";

    @PersistenceContext
    EntityManager em;

    @Inject
    MessageIndexing indexing;

    /** What one chunk removed: how many messages, from which conversations, and the stored files to delete. */
    public record Swept(int messages, List<UUID> conversations, List<String> objectKeys) {
    }

    /**
     * What the rest of a sweep removed: webhook events (statuses, reactions, revocations, edits, other
     * changes) and finished imports, with the stored files to delete (media without a message, uploads).
     */
    public record Leftovers(int events, int imports, List<String> objectKeys) {
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
        execute("DELETE FROM message_edit WHERE target_wa_id IN (" + CHUNK_WA_IDS + ")", array);
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
        // An upload holds every message of the chat, the deleted ones too: it goes once its import is over.
        List<String> keys = new ArrayList<>(em.createNativeQuery("SELECT source_object FROM job WHERE source_object IS NOT NULL"
                + " AND " + FINISHED + " AND conversation_id = ANY(CAST(?1 AS uuid[]))").setParameter(1, array).getResultList());
        execute("UPDATE job SET source_object = NULL WHERE " + FINISHED + " AND conversation_id = ANY(CAST(?1 AS uuid[]))", array);
        List<UUID> empty = em.createNativeQuery("SELECT c.id FROM conversation c WHERE c.id = ANY(CAST(?1 AS uuid[]))"
                + " AND c.status <> 'IMPORTING' AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id)", UUID.class)
                .setParameter(1, array).getResultList();
        if (!empty.isEmpty()) {
            String emptied = "{" + String.join(",", empty.stream().map(UUID::toString).toList()) + "}";
            keys.addAll(em.createNativeQuery("SELECT object_key FROM media_object WHERE object_key IS NOT NULL AND conversation_id = ANY(CAST(?1 AS uuid[]))")
                    .setParameter(1, emptied).getResultList());
            // The finished imports of a conversation that is gone name its file and would point nowhere.
            execute("DELETE FROM job WHERE " + FINISHED + " AND conversation_id = ANY(CAST(?1 AS uuid[]))", emptied);
            execute("DELETE FROM conversation WHERE id = ANY(CAST(?1 AS uuid[]))", emptied);
        }
        execute("UPDATE conversation c SET message_count = (SELECT count(*) FROM message m WHERE m.conversation_id = c.id),"
                + " first_message_at = (SELECT min(sent_at) FROM message m WHERE m.conversation_id = c.id)"
                + " WHERE c.id = ANY(CAST(?1 AS uuid[]))", array);
        return new Swept(0, empty, keys);
    }

    /** Deletes up to one chunk of the sends created before {@code cutoff}, with the statuses Meta reported for them. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public int sweepOutboundChunk(Instant cutoff) {
        List<UUID> ids = em.createNativeQuery("SELECT id FROM outbound_message WHERE created_at < ?1 ORDER BY created_at LIMIT "
                + CHUNK, UUID.class).setParameter(1, Timestamp.from(cutoff)).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        String array = "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
        execute("DELETE FROM message_status WHERE wa_message_id IN (SELECT wa_message_id FROM outbound_message"
                + " WHERE id = ANY(CAST(?1 AS uuid[])) AND wa_message_id IS NOT NULL)", array);
        return execute("DELETE FROM outbound_message WHERE id = ANY(CAST(?1 AS uuid[]))", array);
    }

    /**
     * Deletes what holds personal data from before {@code cutoff} without belonging to a stored message:
     * webhook events by their own time (a status or reaction may concern a message never stored), media
     * rows without a message, and imports that finished before it, whose uploads are handed back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public Leftovers sweepLeftovers(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        int events = older("DELETE FROM message_status WHERE occurred_at < ?1", before)
                + older("DELETE FROM message_reaction WHERE reacted_at < ?1", before)
                + older("DELETE FROM message_revocation WHERE revoked_at < ?1", before)
                + older("DELETE FROM message_edit WHERE edited_at < ?1", before)
                + older("DELETE FROM channel_event WHERE received_at < ?1", before);
        List<String> keys = new ArrayList<>(em.createNativeQuery("SELECT object_key FROM media_object WHERE message_id IS NULL"
                + " AND object_key IS NOT NULL AND created_at < ?1").setParameter(1, before).getResultList());
        older("DELETE FROM media_object WHERE message_id IS NULL AND created_at < ?1", before);
        keys.addAll(em.createNativeQuery("SELECT source_object FROM job WHERE source_object IS NOT NULL AND " + FINISHED
                + " AND created_at < ?1").setParameter(1, before).getResultList());
        int imports = older("DELETE FROM job WHERE " + FINISHED + " AND created_at < ?1", before);
        return new Leftovers(events, imports, keys);
    }

    private int older(String sql, Timestamp cutoff) {
        return em.createNativeQuery(sql).setParameter(1, cutoff).executeUpdate();
    }

    private int execute(String sql, String array) {
        return em.createNativeQuery(sql).setParameter(1, array).executeUpdate();
    }
}
