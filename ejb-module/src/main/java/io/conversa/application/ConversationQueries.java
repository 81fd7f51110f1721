package io.conversa.application;

import io.conversa.domain.model.conversation.Conversation;
import io.conversa.domain.model.conversation.ConversationStatus;
import io.conversa.domain.model.conversation.MediaObject;
import io.conversa.domain.model.conversation.Message;
import io.conversa.domain.model.conversation.Participant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side of conversations. Staff readers see every ready conversation; a user sees only the
 * ones they imported. Conversations still importing or failed are never listed.
 */
@Stateless
public class ConversationQueries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    public List<Conversation> list(Caller caller, int limit) {
        if (caller.isStaffReader()) {
            return em.createNamedQuery("Conversation.listReady", Conversation.class).setMaxResults(limit).getResultList();
        }
        Long owner = accounts.idOf(caller).orElse(-1L);
        return em.createQuery("SELECT c FROM Conversation c WHERE c.status = :ready AND c.ownerId = :owner"
                        + " ORDER BY c.lastMessageAt DESC NULLS LAST, c.id", Conversation.class)
                .setParameter("ready", ConversationStatus.READY)
                .setParameter("owner", owner)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The ids of the conversations the caller may read, or null when they may read every one (staff readers). */
    public List<UUID> readableIds(Caller caller) {
        if (caller.isStaffReader()) {
            return null;
        }
        Long owner = accounts.idOf(caller).orElse(-1L);
        return em.createQuery("SELECT c.id FROM Conversation c WHERE c.status = :ready AND c.ownerId = :owner", UUID.class)
                .setParameter("ready", ConversationStatus.READY).setParameter("owner", owner).getResultList();
    }

    /** The conversation if it is ready and the caller may read it; otherwise not found, saying nothing more. */
    public Conversation get(Caller caller, UUID id) {
        return Optional.ofNullable(em.find(Conversation.class, id))
                .filter(c -> c.status() == ConversationStatus.READY)
                .filter(c -> caller.isStaffReader() || c.ownerId() != null && c.ownerId().equals(accounts.idOf(caller).orElse(null)))
                .orElseThrow(() -> new NotFoundException("No conversation " + id + "."));
    }

    public List<Participant> participants(Caller caller, UUID id) {
        get(caller, id);
        return em.createNamedQuery("Participant.ofConversation", Participant.class)
                .setParameter("conversation", id).getResultList();
    }

    public List<MediaObject> media(Caller caller, UUID id) {
        get(caller, id);
        return em.createNamedQuery("MediaObject.ofConversation", MediaObject.class)
                .setParameter("conversation", id).getResultList();
    }

    /** One page of messages in time order, after {@code cursor} (exclusive) when given. */
    public MessagePage messages(Caller caller, UUID id, MessageCursor cursor, int limit) {
        get(caller, id);
        var query = cursor == null
                ? em.createQuery("SELECT m FROM Message m WHERE m.conversationId = :c ORDER BY m.sentAt, m.id", Message.class)
                : em.createQuery("SELECT m FROM Message m WHERE m.conversationId = :c AND (m.sentAt > :at OR (m.sentAt = :at AND m.id > :id))"
                        + " ORDER BY m.sentAt, m.id", Message.class)
                        .setParameter("at", cursor.sentAt()).setParameter("id", cursor.id());
        List<Message> rows = query.setParameter("c", id).setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<Message> page = more ? rows.subList(0, limit) : rows;
        MessageCursor next = more ? MessageCursor.after(page.get(page.size() - 1)) : null;
        return new MessagePage(List.copyOf(page), next);
    }
}
