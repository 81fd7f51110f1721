package io.conversa.application;

import io.conversa.domain.model.conversation.MessageKind;
import io.conversa.infrastructure.messaging.Queues;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes Cloud API events so that each has its effect once however often Meta delivers it: a
 * message once per WhatsApp id, a status once per (message, status), one reaction per person.
 * One conversation per (our phone number id, contact wa_id), holding both directions: what the
 * contact sent, what the business sent from the WhatsApp Business app (echoes, history) and what
 * Conversa sent.
 */
@Stateless
public class CloudApiStore {

    private static final Logger LOG = Logger.getLogger(CloudApiStore.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    OutboundProgress outbound;

    @Inject
    MediaDownloads media;

    @Inject
    Queues queues;

    @Inject
    MessageIndexing indexing;

    /** A message a contact sent us ({@code messages[]} of a "messages" or "history" change). */
    public void inbound(String phoneNumberId, String contactName, JsonObject message) {
        String from = message.getString("from");
        record(phoneNumberId, new Party(from, contactName), Direction.IN, message);
    }

    /** A message the business sent from the WhatsApp Business app ({@code message_echoes[]} of "smb_message_echoes"). */
    public void echo(String phoneNumberId, JsonObject message) {
        record(phoneNumberId, new Party(waId(message.getString("to")), null), Direction.OUT, message);
    }

    /**
     * A message of a coexistence history thread with {@code contact}: the business sent it when it is
     * from the business's own number, the contact otherwise.
     */
    public void history(String phoneNumberId, String businessNumber, String contact, JsonObject message) {
        boolean ours = waId(message.getString("from", "")).equals(waId(businessNumber));
        record(phoneNumberId, new Party(waId(contact), null), ours ? Direction.OUT : Direction.IN, message);
    }

    /** Conversa's own send, accepted by Meta as {@code waMessageId}; {@code payload} is the Graph API request body. */
    public void sent(String phoneNumberId, String recipient, String waMessageId, JsonObject payload) {
        JsonObjectBuilder message = Json.createObjectBuilder(payload).add("id", waMessageId)
                .add("timestamp", Long.toString(Instant.now().getEpochSecond()));
        record(phoneNumberId, new Party(recipient, null), Direction.OUT, message.build());
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
        outbound.advance(status.getString("id"));
    }

    public void channelEvent(String phoneNumberId, String field, JsonObject value) {
        em.createNativeQuery("INSERT INTO channel_event (phone_number_id, field, payload) VALUES (?, ?, CAST(? AS jsonb))")
                .setParameter(1, phoneNumberId).setParameter(2, field).setParameter(3, value.toString())
                .executeUpdate();
    }

    private enum Direction { IN, OUT }

    /** The contact a conversation is with, and their profile name when the webhook gave one. */
    private record Party(String waId, String name) {
    }

    private void record(String phoneNumberId, Party contact, Direction direction, JsonObject message) {
        String type = message.getString("type", "unknown");
        Instant at = Instant.ofEpochSecond(Long.parseLong(message.getString("timestamp")));
        String reactor = direction == Direction.IN ? contact.waId() : phoneNumberId;
        switch (type) {
            case "reaction" -> react(reactor, at, message.getJsonObject("reaction"));
            case "revoke" -> revoke(at, message.getJsonObject("revoke").getString("original_message_id"));
            case "edit" -> edit(at, message);
            default -> store(phoneNumberId, contact, direction, at, type, message);
        }
    }

    /**
     * Stores the message once per WhatsApp id. The one exception: a history "media_placeholder" is
     * replaced by the media message Meta sends for it later, under the same id.
     */
    private void store(String phoneNumberId, Party contact, Direction direction, Instant at, String type, JsonObject message) {
        CloudApiContent content = CloudApiContent.of(type, message);
        if (content.kind() == MessageKind.UNSUPPORTED) {
            LOG.info(() -> "Cloud API message type '" + type + "' stored as UNSUPPORTED");
        }
        UUID conversation = conversation(phoneNumberId, contact);
        Long participant = direction == Direction.IN ? participant(conversation, contact) : null;
        JsonObject context = message.getJsonObject("context");
        String replyTo = context == null ? null : context.getString("id", context.getString("message_id", null));
        List<?> written = em.createNativeQuery("INSERT INTO message (conversation_id, participant_id, sequence_no, sent_at, kind,"
                        + " body, direction, wa_message_id, reply_to_wa_id, metadata, wa_type)"
                        + " VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)"
                        + " ON CONFLICT (wa_message_id) WHERE wa_message_id IS NOT NULL DO UPDATE SET"
                        + " kind = EXCLUDED.kind, body = EXCLUDED.body, metadata = EXCLUDED.metadata, wa_type = EXCLUDED.wa_type"
                        + " WHERE message.wa_type = 'media_placeholder' AND EXCLUDED.wa_type <> 'media_placeholder'"
                        + " RETURNING id, (xmax = 0)")
                .setParameter(1, conversation)
                .setParameter(2, participant)
                .setParameter(3, Timestamp.from(at))
                .setParameter(4, content.kind().name())
                .setParameter(5, content.text())
                .setParameter(6, direction.name())
                .setParameter(7, message.getString("id"))
                .setParameter(8, replyTo)
                .setParameter(9, message.toString())
                .setParameter(10, type)
                .getResultList();
        if (written.isEmpty()) {
            return; // delivered before
        }
        Object[] row = (Object[]) written.get(0);
        long messageId = ((Number) row[0]).longValue();
        expectMedia(conversation, messageId, message.get(type));
        indexing.indexAfterCommit(messageId);
        if (Boolean.TRUE.equals(row[1])) {
            counted(conversation, participant, at);
            applyEdits(message.getString("id")); // edits that arrived before the message
        }
        // Sent in this transaction: delivered once the message is committed, never for one rolled back.
        queues.enrich(conversation);
    }

    private void counted(UUID conversation, Long participant, Instant at) {
        em.createNativeQuery("UPDATE conversation SET message_count = message_count + 1,"
                        + " first_message_at = LEAST(COALESCE(first_message_at, ?1), ?1),"
                        + " last_message_at = GREATEST(COALESCE(last_message_at, ?1), ?1), updated_at = now() WHERE id = ?2")
                .setParameter(1, Timestamp.from(at)).setParameter(2, conversation).executeUpdate();
        if (participant != null) {
            em.createNativeQuery("UPDATE participant SET message_count = message_count + 1 WHERE id = ?")
                    .setParameter(1, participant).executeUpdate();
        }
    }

    /** Meta writes numbers as wa_ids ("16505551234") in most places and with a "+" in a few. */
    private static String waId(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }

    /** Image, audio, video, document and sticker messages carry a media id whose file is fetched apart. */
    private void expectMedia(UUID conversation, long messageId, JsonValue part) {
        if (part instanceof JsonObject content && content.containsKey("id") && content.containsKey("mime_type")) {
            media.expect(conversation, messageId, content.getString("id"), content.getString("mime_type"),
                    content.getString("filename", null));
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

    /** {@code "edit": {"original_message_id", "message": {"type", "<type>": {...}}}}: the new text of an earlier message. */
    private void edit(Instant at, JsonObject message) {
        JsonObject edit = message.getJsonObject("edit");
        JsonObject changed = edit.getJsonObject("message");
        String target = edit.getString("original_message_id");
        em.createNativeQuery("INSERT INTO message_edit (wa_message_id, target_wa_id, edited_at, body, payload)"
                        + " VALUES (?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING")
                .setParameter(1, message.getString("id")).setParameter(2, target).setParameter(3, Timestamp.from(at))
                .setParameter(4, CloudApiContent.of(changed.getString("type", ""), changed).text())
                .setParameter(5, message.toString()).executeUpdate();
        applyEdits(target);
    }

    /** Shows the latest edit of {@code waMessageId}, if it has any; enrichment and the search index follow. */
    private void applyEdits(String waMessageId) {
        List<?> edited = em.createNativeQuery("UPDATE message m SET body = e.body, edited = TRUE, enriched_at = NULL"
                        + " FROM (SELECT body FROM message_edit WHERE target_wa_id = ?1 ORDER BY edited_at DESC, wa_message_id DESC"
                        + " LIMIT 1) e WHERE m.wa_message_id = ?1 RETURNING m.id, m.conversation_id")
                .setParameter(1, waMessageId).getResultList();
        for (Object row : edited) {
            Object[] columns = (Object[]) row;
            indexing.indexAfterCommit(((Number) columns[0]).longValue());
            queues.enrich((UUID) columns[1]);
        }
    }

    private void revoke(Instant at, String target) {
        em.createNativeQuery("INSERT INTO message_revocation (target_wa_id, revoked_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .setParameter(1, target).setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    private UUID conversation(String phoneNumberId, Party contact) {
        String waId = contact.waId();
        String contactName = contact.name();
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

    private long participant(UUID conversation, Party contact) {
        String waId = contact.waId();
        String contactName = contact.name();
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
