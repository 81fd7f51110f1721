package io.conversa.application;

import io.conversa.domain.model.conversation.Conversation;
import io.conversa.domain.model.conversation.ConversationSource;
import io.conversa.domain.model.outbound.OutboundMessage;
import io.conversa.domain.model.outbound.OutboundStatus;
import io.conversa.infrastructure.messaging.Queues;
import io.conversa.infrastructure.persistence.ColumnValues;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way every feature sends through WhatsApp. A send is a stored row plus a message on the
 * outbound queue, written in one transaction; {@link OutboundDeliveries} does the rest. What WhatsApp
 * would refuse for certain (free-form outside the 24-hour customer service window) is refused here.
 */
@Stateless
public class Outbound {

    /** Meta's customer service window: free-form messages only within 24 hours of the contact's last message. */
    static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationQueries conversations;

    @Inject
    Queues queues;

    /** Queues {@code outgoing} to the contact of a Cloud API conversation the caller may read. */
    public OutboundMessage send(Caller caller, UUID conversationId, Outgoing outgoing) {
        Conversation conversation = conversations.get(caller, conversationId);
        if (conversation.source() != ConversationSource.CLOUD_API || conversation.waContactId() == null) {
            throw new SendRefusedException("Conversation " + conversationId
                    + " was imported from an export; only conversations that arrived through the Cloud API can be answered.");
        }
        return send(conversation.waPhoneNumberId(), conversation.waContactId(), conversationId, outgoing, caller.name());
    }

    /** Queues {@code outgoing} from channel {@code phoneNumberId} to {@code recipient} (a wa_id). */
    public OutboundMessage send(String phoneNumberId, String recipient, UUID conversationId, Outgoing outgoing,
            String requestedBy) {
        if (outgoing.kind().needsOpenWindow() && !windowOpen(phoneNumberId, recipient)) {
            throw new SendRefusedException("The 24-hour customer service window with this contact is closed (their last"
                    + " message is older than 24 hours, or there is none): only a template message may be sent.");
        }
        OutboundMessage message = OutboundMessage.queued(conversationId, phoneNumberId, recipient, outgoing.kind(),
                outgoing.payload(recipient).toString(), requestedBy);
        em.persist(message);
        queues.outbound(message.id(), 1, Duration.ZERO);
        return message;
    }

    public Optional<OutboundMessage> find(UUID id) {
        return Optional.ofNullable(em.find(OutboundMessage.class, id));
    }

    public List<OutboundMessage> withStatus(OutboundStatus status, int limit) {
        return em.createNamedQuery("OutboundMessage.withStatus", OutboundMessage.class)
                .setParameter("status", status).setMaxResults(limit).getResultList();
    }

    /** Gives a failed send a new round of attempts (and takes it off the dead-letter queue). */
    public OutboundMessage retry(UUID id) {
        OutboundMessage message = find(id).orElseThrow(() -> new NotFoundException("No outbound message " + id + "."));
        if (message.status() != OutboundStatus.FAILED) {
            throw new SendRefusedException("Only a FAILED send can be retried; this one is " + message.status() + ".");
        }
        queues.takeDeadLetter(id);
        message.requeue();
        queues.outbound(id, 1, Duration.ZERO);
        return message;
    }

    private boolean windowOpen(String phoneNumberId, String recipient) {
        Object last = em.createNativeQuery("SELECT max(m.sent_at) FROM message m JOIN conversation c ON c.id = m.conversation_id"
                        + " WHERE c.wa_phone_number_id = ? AND c.wa_contact_id = ? AND m.direction = 'IN'")
                .setParameter(1, phoneNumberId).setParameter(2, recipient).getSingleResult();
        Instant lastInbound = ColumnValues.instant(last);
        return lastInbound != null && lastInbound.isAfter(Instant.now().minus(SERVICE_WINDOW));
    }
}
