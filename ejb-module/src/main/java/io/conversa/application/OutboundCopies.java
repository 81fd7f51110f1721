package io.conversa.application;

import io.conversa.domain.model.outbound.OutboundMessage;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Conversa's own copy of what it sent, in the conversation beside what the contact wrote (direction
 * OUT, no participant): messages as messages, reactions as our reaction on the message.
 */
@Stateless
public class OutboundCopies {

    @PersistenceContext
    EntityManager em;

    public void record(OutboundMessage send, String waMessageId) {
        if (send.conversationId() == null) {
            return;
        }
        JsonObject payload;
        try (JsonReader reader = Json.createReader(new StringReader(send.payload()))) {
            payload = reader.readObject();
        }
        String type = payload.getString("type", "");
        if (type.equals("reaction")) {
            react(send, payload.getJsonObject("reaction"));
            return;
        }
        CloudApiContent content = CloudApiContent.of(type, payload);
        Instant now = Instant.now();
        int added = em.createNativeQuery("INSERT INTO message (conversation_id, sequence_no, sent_at, kind, body, direction,"
                        + " wa_message_id, reply_to_wa_id, metadata, wa_type)"
                        + " VALUES (?, 0, ?, ?, ?, 'OUT', ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (wa_message_id) DO NOTHING")
                .setParameter(1, send.conversationId())
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, content.kind().name())
                .setParameter(4, content.text())
                .setParameter(5, waMessageId)
                .setParameter(6, payload.containsKey("context") ? payload.getJsonObject("context").getString("message_id") : null)
                .setParameter(7, send.payload())
                .setParameter(8, type)
                .executeUpdate();
        if (added > 0) {
            em.createNativeQuery("UPDATE conversation SET message_count = message_count + 1,"
                            + " last_message_at = GREATEST(COALESCE(last_message_at, ?1), ?1), updated_at = now() WHERE id = ?2")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, send.conversationId()).executeUpdate();
        }
    }

    /** Our reaction, under our phone number id; an empty emoji takes it back. */
    private void react(OutboundMessage send, JsonObject reaction) {
        String target = reaction.getString("message_id");
        String emoji = reaction.getString("emoji", "");
        if (emoji.isEmpty()) {
            em.createNativeQuery("DELETE FROM message_reaction WHERE target_wa_id = ? AND reactor_wa_id = ?")
                    .setParameter(1, target).setParameter(2, send.phoneNumberId()).executeUpdate();
            return;
        }
        em.createNativeQuery("INSERT INTO message_reaction (target_wa_id, reactor_wa_id, emoji, reacted_at) VALUES (?, ?, ?, now())"
                        + " ON CONFLICT (target_wa_id, reactor_wa_id) DO UPDATE SET emoji = EXCLUDED.emoji, reacted_at = EXCLUDED.reacted_at")
                .setParameter(1, target).setParameter(2, send.phoneNumberId()).setParameter(3, emoji).executeUpdate();
    }
}
