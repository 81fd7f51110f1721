package io.conversa.application;

import static io.conversa.infrastructure.persistence.ColumnValues.instant;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** Everything Conversa holds about one WhatsApp message id: the message, its statuses, reactions, revocation. */
@Stateless
public class CloudApiFacts {

    @PersistenceContext
    EntityManager em;

    /** A status WhatsApp reported, with the error when it failed. */
    public record Status(String status, Instant at, String recipientId, Integer errorCode, String errorTitle) {
    }

    /** One person's current reaction. */
    public record Reaction(String from, String emoji, Instant at) {
    }

    /** One edit of a message: when, and the text it gave the message. */
    public record Edit(Instant at, String text) {
    }

    /**
     * {@code conversationId}, {@code kind} and {@code text} are null while the message itself has not arrived;
     * {@code text} is the latest edit's, {@code edits} the history, oldest first.
     */
    public record Facts(String waMessageId, String conversationId, String kind, String waType, String text, String replyTo,
            List<Status> statuses, List<Reaction> reactions, Instant revokedAt, List<Edit> edits) {
    }

    /** What the message list shows beside a Cloud API message: how far it got, who reacted, whether it was deleted. */
    public record Summary(String status, List<Reaction> reactions, Instant revokedAt) {
    }

    /** Summaries of the given WhatsApp ids (those Conversa knows anything about), in three queries whatever their number. */
    public Map<String, Summary> summaries(Collection<String> waMessageIds) {
        if (waMessageIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = List.copyOf(waMessageIds);
        Map<String, String> statuses = new HashMap<>();
        for (Object[] r : rowsOf("SELECT DISTINCT ON (wa_message_id) wa_message_id, status FROM message_status"
                + " WHERE wa_message_id IN (:ids) ORDER BY wa_message_id,"
                + " array_position(ARRAY['sent','failed','delivered','read','played']::varchar[], status) DESC", ids)) {
            statuses.put((String) r[0], (String) r[1]);
        }
        Map<String, List<Reaction>> reactions = new HashMap<>();
        for (Object[] r : rowsOf("SELECT target_wa_id, reactor_wa_id, emoji, reacted_at FROM message_reaction"
                + " WHERE target_wa_id IN (:ids) ORDER BY reacted_at", ids)) {
            reactions.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new Reaction((String) r[1], (String) r[2], instant(r[3])));
        }
        Map<String, Instant> revoked = new HashMap<>();
        for (Object[] r : rowsOf("SELECT target_wa_id, revoked_at FROM message_revocation WHERE target_wa_id IN (:ids)", ids)) {
            revoked.put((String) r[0], instant(r[1]));
        }
        Map<String, Summary> summaries = new HashMap<>();
        for (String id : ids) {
            if (statuses.containsKey(id) || reactions.containsKey(id) || revoked.containsKey(id)) {
                summaries.put(id, new Summary(statuses.get(id), reactions.getOrDefault(id, List.of()), revoked.get(id)));
            }
        }
        return summaries;
    }

    public Optional<Facts> of(String waMessageId) {
        List<Object[]> message = rows("SELECT CAST(conversation_id AS text), kind, wa_type, body, reply_to_wa_id, 0"
                + " FROM message WHERE wa_message_id = ?", waMessageId);
        List<Status> statuses = rows("SELECT status, occurred_at, recipient_id, error_code, error_title"
                        + " FROM message_status WHERE wa_message_id = ? ORDER BY occurred_at, id", waMessageId).stream()
                .map(r -> new Status((String) r[0], instant(r[1]), (String) r[2], (Integer) r[3], (String) r[4])).toList();
        List<Reaction> reactions = rows("SELECT reactor_wa_id, emoji, reacted_at FROM message_reaction"
                        + " WHERE target_wa_id = ? ORDER BY reacted_at", waMessageId).stream()
                .map(r -> new Reaction((String) r[0], (String) r[1], instant(r[2]))).toList();
        List<Object[]> revoked = rows("SELECT revoked_at, 0 FROM message_revocation WHERE target_wa_id = ?", waMessageId);
        List<Edit> edits = rows("SELECT edited_at, body FROM message_edit WHERE target_wa_id = ? ORDER BY edited_at, wa_message_id",
                waMessageId).stream().map(r -> new Edit(instant(r[0]), (String) r[1])).toList();
        if (message.isEmpty() && statuses.isEmpty() && reactions.isEmpty() && revoked.isEmpty() && edits.isEmpty()) {
            return Optional.empty();
        }
        Object[] m = message.isEmpty() ? new Object[5] : message.get(0);
        return Optional.of(new Facts(waMessageId, (String) m[0], (String) m[1], (String) m[2], (String) m[3], (String) m[4],
                statuses, reactions, revoked.isEmpty() ? null : instant(revoked.get(0)[0]), edits));
    }

    /** Rows of a native query with several columns (JPA 3.1 types them as Object[]). */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String waMessageId) {
        return em.createNativeQuery(sql).setParameter(1, waMessageId).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rowsOf(String sql, List<String> ids) {
        return em.createNativeQuery(sql).setParameter("ids", ids).getResultList();
    }
}
