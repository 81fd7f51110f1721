package io.conversa.application;

import io.conversa.domain.model.conversation.MessageKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes Cloud API events so that each has its effect once however often Meta delivers it: a
 * message once per WhatsApp id, a status once per (message, status), one reaction per person.
 * One conversation per (our phone number id, contact wa_id).
 */
@Stateless
public class CloudApiStore {

    private static final Logger LOG = Logger.getLogger(CloudApiStore.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MessageIndexing indexing;

    public void inbound(String phoneNumberId, String contactName, JsonObject message) {
        String type = message.getString("type", "unknown");
        String from = message.getString("from");
        Instant at = Instant.ofEpochSecond(Long.parseLong(message.getString("timestamp")));
        switch (type) {
            case "reaction" -> react(from, at, message.getJsonObject("reaction"));
            case "revoke" -> revoke(at, message.getJsonObject("revoke").getString("original_message_id"));
            default -> store(phoneNumberId, contactName, from, at, type, message);
        }
    }

    public void status(JsonObject status) {
        var errors = status.getJsonArray("errors");
        JsonObject error = errors == null || errors.isEmpty() ? null : errors.getJsonObject(0);
        em.createNativeQuery("INSERT INTO message_status (wa_message_id, status, recipient_id, occurred_at, error_code,"
                        + " error_title, payload) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING")
                .setParameter(1, status.getString("id"))
                .setParameter(2, status.getString("status"))
                .setParameter(3, status.getString("recipient_id", null))
                .setParameter(4, Timestamp.from(Instant.ofEpochSecond(Long.parseLong(status.getString("timestamp")))))
                .setParameter(5, error == null ? null : error.getInt("code"))
                .setParameter(6, error == null ? null : error.getString("title", null))
                .setParameter(7, status.toString())
                .executeUpdate();
    }

    public void channelEvent(String phoneNumberId, String field, JsonObject value) {
        em.createNativeQuery("INSERT INTO channel_event (phone_number_id, field, payload) VALUES (?, ?, CAST(? AS jsonb))")
                .setParameter(1, phoneNumberId).setParameter(2, field).setParameter(3, value.toString())
                .executeUpdate();
    }

    private void store(String phoneNumberId, String contactName, String from, Instant at, String type, JsonObject message) {
        CloudApiContent content = CloudApiContent.of(type, message);
        if (content.kind() == MessageKind.UNSUPPORTED) {
            LOG.info(() -> "Cloud API message type '" + type + "' stored as UNSUPPORTED");
        }
        UUID conversation = conversation(phoneNumberId, from, contactName);
        long participant = participant(conversation, from, contactName);
        int added = em.createNativeQuery("INSERT INTO message (conversation_id, participant_id, sequence_no, sent_at, kind,"
                        + " body, direction, wa_message_id, reply_to_wa_id, metadata, wa_type)"
                        + " VALUES (?, ?, 0, ?, ?, ?, 'IN', ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (wa_message_id) DO NOTHING")
                .setParameter(1, conversation)
                .setParameter(2, participant)
                .setParameter(3, Timestamp.from(at))
                .setParameter(4, content.kind().name())
                .setParameter(5, content.text())
                .setParameter(6, message.getString("id"))
                .setParameter(7, message.containsKey("context") ? message.getJsonObject("context").getString("id", null) : null)
                .setParameter(8, message.toString())
                .setParameter(9, type)
                .executeUpdate();
        if (added > 0) {
            em.createNativeQuery("UPDATE conversation SET message_count = message_count + 1,"
                            + " first_message_at = LEAST(COALESCE(first_message_at, ?1), ?1),"
                            + " last_message_at = GREATEST(COALESCE(last_message_at, ?1), ?1), updated_at = now() WHERE id = ?2")
                    .setParameter(1, Timestamp.from(at)).setParameter(2, conversation).executeUpdate();
            em.createNativeQuery("UPDATE participant SET message_count = message_count + 1 WHERE id = ?")
                    .setParameter(1, participant).executeUpdate();
            long id = ((Number) em.createNativeQuery("SELECT id FROM message WHERE wa_message_id = ?")
                    .setParameter(1, message.getString("id")).getSingleResult()).longValue();
            indexing.indexAfterCommit(id);
        }
    }

    /** An empty emoji takes the person's reaction back. */
    private void react(String from, Instant at, JsonObject reaction) {
        String target = reaction.getString("message_id");
        String emoji = reaction.getString("emoji", "");
        if (emoji.isEmpty()) {
            em.createNativeQuery("DELETE FROM message_reaction WHERE target_wa_id = ? AND reactor_wa_id = ? AND reacted_at <= ?")
                    .setParameter(1, target).setParameter(2, from).setParameter(3, Timestamp.from(at)).executeUpdate();
            return;
        }
        // The later reaction wins, whatever order they arrive in.
        em.createNativeQuery("INSERT INTO message_reaction (target_wa_id, reactor_wa_id, emoji, reacted_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (target_wa_id, reactor_wa_id) DO UPDATE SET emoji = EXCLUDED.emoji,"
                        + " reacted_at = EXCLUDED.reacted_at WHERE message_reaction.reacted_at <= EXCLUDED.reacted_at")
                .setParameter(1, target).setParameter(2, from).setParameter(3, emoji).setParameter(4, Timestamp.from(at))
                .executeUpdate();
    }

    private void revoke(Instant at, String target) {
        em.createNativeQuery("INSERT INTO message_revocation (target_wa_id, revoked_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .setParameter(1, target).setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    private UUID conversation(String phoneNumberId, String waId, String contactName) {
        em.createNativeQuery("INSERT INTO conversation (id, title, source, status, time_zone, wa_phone_number_id, wa_contact_id)"
                        + " VALUES (?, ?, 'CLOUD_API', 'READY', 'UTC', ?, ?) ON CONFLICT (wa_phone_number_id, wa_contact_id) DO NOTHING")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, contactName != null ? contactName : "+" + waId)
                .setParameter(3, phoneNumberId)
                .setParameter(4, waId)
                .executeUpdate();
        return (UUID) em.createNativeQuery("SELECT id FROM conversation WHERE wa_phone_number_id = ? AND wa_contact_id = ?")
                .setParameter(1, phoneNumberId).setParameter(2, waId).getSingleResult();
    }

    private long participant(UUID conversation, String waId, String contactName) {
        em.createNativeQuery("INSERT INTO participant (conversation_id, display_name, phone, wa_id) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (conversation_id, wa_id) DO NOTHING")
                .setParameter(1, conversation)
                .setParameter(2, contactName != null ? contactName : "+" + waId)
                .setParameter(3, "+" + waId)
                .setParameter(4, waId)
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT id FROM participant WHERE conversation_id = ? AND wa_id = ?")
                .setParameter(1, conversation).setParameter(2, waId).getSingleResult()).longValue();
    }
}
