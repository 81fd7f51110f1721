package io.conversa.domain.model.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** One chat: an imported export or a Cloud API thread with one contact. The root of its messages. */
@Entity
@Table(name = "conversation")
@NamedQuery(name = "Conversation.listReady",
        query = "SELECT c FROM Conversation c WHERE c.status = io.conversa.domain.model.conversation.ConversationStatus.READY"
                + " ORDER BY c.lastMessageAt DESC NULLS LAST, c.id")
@NamedQuery(name = "Conversation.importedBefore",
        query = "SELECT c FROM Conversation c WHERE c.ownerId = :owner AND c.title = :title"
                + " AND c.source = io.conversa.domain.model.conversation.ConversationSource.EXPORT"
                + " AND c.status = io.conversa.domain.model.conversation.ConversationStatus.READY ORDER BY c.createdAt")
public class Conversation {

    @Id
    private UUID id;

    private String title;

    @Enumerated(EnumType.STRING)
    private ConversationSource source;

    @Enumerated(EnumType.STRING)
    private ConversationStatus status;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "message_count")
    private int messageCount;

    @Column(name = "first_message_at")
    private Instant firstMessageAt;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    /** The channel (our phone number id) and the contact of a Cloud API conversation; null for imports. */
    @Column(name = "wa_phone_number_id")
    private String waPhoneNumberId;

    @Column(name = "wa_contact_id")
    private String waContactId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Conversation() {
    }

    public static Conversation importing(String title, ZoneId zone, Long ownerId) {
        Conversation c = new Conversation();
        c.id = UUID.randomUUID();
        c.title = title;
        c.source = ConversationSource.EXPORT;
        c.status = ConversationStatus.IMPORTING;
        c.timeZone = zone.getId();
        c.ownerId = ownerId;
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        return c;
    }

    /** Called once the importer has stored every message; the figures cover all the conversation holds. */
    public void ready(int messages, Instant first, Instant last) {
        status = ConversationStatus.READY;
        messageCount = messages;
        firstMessageAt = first;
        lastMessageAt = last;
        updatedAt = Instant.now();
    }

    public void failed() {
        status = ConversationStatus.FAILED;
        updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public ConversationSource source() {
        return source;
    }

    public ConversationStatus status() {
        return status;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Long ownerId() {
        return ownerId;
    }

    public int messageCount() {
        return messageCount;
    }

    public Instant firstMessageAt() {
        return firstMessageAt;
    }

    public Instant lastMessageAt() {
        return lastMessageAt;
    }

    public String waPhoneNumberId() {
        return waPhoneNumberId;
    }

    public String waContactId() {
        return waContactId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
