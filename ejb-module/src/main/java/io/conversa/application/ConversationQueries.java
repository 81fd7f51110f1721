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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side of conversations. Staff readers see every ready conversation; a user sees the ones
 * they imported and the ones their own number takes part in (as the Cloud API contact, or as a
 * participant with that phone number). Conversations still importing or failed are never listed.
 */
@Stateless
public class ConversationQueries {

    /** Separates a topic's terms when PostgreSQL hands its text[] back as one string (chr(31), never in a term). */
    private static final String UNIT_SEPARATOR = String.valueOf((char) 31);

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    public List<Conversation> list(Caller caller, int limit) {
        if (caller.isStaffReader()) {
            return em.createNamedQuery("Conversation.listReady", Conversation.class).setMaxResults(limit).getResultList();
        }
        return em.createQuery("SELECT c FROM Conversation c WHERE c.status = :ready AND " + USERS_OWN
                        + " ORDER BY c.lastMessageAt DESC NULLS LAST, c.id", Conversation.class)
                .setParameter("ready", ConversationStatus.READY)
                .setParameter("owner", accounts.idOf(caller).orElse(-1L))
                .setParameter("phone", caller.name())
                .setParameter("waId", caller.name().startsWith("+") ? caller.name().substring(1) : caller.name())
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
                .filter(c -> caller.isStaffReader() || takesPart(caller, c))
                .orElseThrow(() -> new NotFoundException("No conversation " + id + "."));
    }

    private boolean takesPart(Caller caller, Conversation c) {
        if (c.ownerId() != null && c.ownerId().equals(accounts.idOf(caller).orElse(null))) {
            return true;
        }
        String phone = caller.name();
        if (!phone.startsWith("+")) {
            return false; // staff usernames cannot start with "+"; only code-login users are numbers
        }
        return phone.substring(1).equals(c.waContactId()) || !em.createQuery("SELECT p.id FROM Participant p"
                        + " WHERE p.conversationId = :c AND p.phone = :phone").setParameter("c", c.id())
                .setParameter("phone", phone).setMaxResults(1).getResultList().isEmpty();
    }

    /** A user's own conversations, as a JPQL condition on {@code c}. */
    private static final String USERS_OWN = "(c.ownerId = :owner OR c.waContactId = :waId OR EXISTS (SELECT p.id FROM"
            + " Participant p WHERE p.conversationId = c.id AND p.phone = :phone))";

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

    /** The file names the conversation's messages attach that no stored file carries (left out of its zip, say). */
    public List<String> missingMedia(Caller caller, UUID id) {
        get(caller, id);
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT DISTINCT m.attachment_name" + ArchiveMedia.MISSING_FILES + " ORDER BY 1")
                .setParameter(1, id).getResultList();
        return names;
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
        return new MessagePage(List.copyOf(page), next, entities(page.stream().map(Message::id).toList()));
    }

    @SuppressWarnings("unchecked")
    private Map<Long, List<MessageEntity>> entities(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = (List<Object[]>) em.createNativeQuery("SELECT message_id, kind, text, start_offset, end_offset, normalised"
                        + " FROM message_entity WHERE message_id = ANY (CAST(?1 AS bigint[])) ORDER BY message_id, start_offset")
                .setParameter(1, messageIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<Long, List<MessageEntity>> out = new HashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(new MessageEntity(id, (String) r[1], (String) r[2],
                    ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), (String) r[5]));
        }
        return out;
    }

    /** What NLP found in the conversation as a whole. */
    @SuppressWarnings("unchecked")
    public ConversationInsights insights(Caller caller, UUID id) {
        get(caller, id);
        Object[] counts = (Object[]) em.createNativeQuery("SELECT COUNT(*), COUNT(enriched_at) FROM message WHERE conversation_id = ?1")
                .setParameter(1, id).getSingleResult();
        Map<String, Long> languages = tally("language", id);
        Map<String, Long> emotions = tally("emotion", id);
        Map<String, List<ConversationInsights.KeywordRow>> keywords = new TreeMap<>();
        List<Object[]> rows = (List<Object[]>) em.createNativeQuery("SELECT period, phrase, words, score, occurrences FROM conversation_keyword"
                + " WHERE conversation_id = ?1 ORDER BY period, rank").setParameter(1, id).getResultList();
        for (Object[] r : rows) {
            keywords.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new ConversationInsights.KeywordRow((String) r[1],
                    ((Number) r[2]).intValue(), ((Number) r[3]).floatValue(), ((Number) r[4]).intValue()));
        }
        Map<String, List<ConversationInsights.TopicRow>> topics = new TreeMap<>();
        List<Object[]> topicRows = (List<Object[]>) em.createNativeQuery("SELECT period, topic, weight, array_to_string(terms, chr(31))"
                + " FROM conversation_topic WHERE conversation_id = ?1 ORDER BY period, topic").setParameter(1, id).getResultList();
        for (Object[] r : topicRows) {
            topics.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new ConversationInsights.TopicRow(
                    ((Number) r[1]).intValue(), ((Number) r[2]).floatValue(), List.of(((String) r[3]).split(UNIT_SEPARATOR))));
        }
        List<?> computed = em.createNativeQuery("SELECT computed_at FROM conversation_terms_state WHERE conversation_id = ?1")
                .setParameter(1, id).getResultList();
        Instant at = computed.isEmpty() ? null : toInstant(computed.get(0));
        return new ConversationInsights(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(), languages, emotions,
                keywords, topics, at);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> tally(String column, UUID id) {
        Map<String, Long> out = new TreeMap<>();
        List<Object[]> rows = (List<Object[]>) em.createNativeQuery("SELECT " + column + ", COUNT(*) FROM message WHERE conversation_id = ?1 AND "
                + column + " IS NOT NULL GROUP BY " + column).setParameter(1, id).getResultList();
        for (Object[] r : rows) {
            out.put((String) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
