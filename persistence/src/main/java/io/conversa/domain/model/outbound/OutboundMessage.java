package io.conversa.domain.model.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One send through the Cloud API: the request body as it goes to the Graph API and what became of it. */
@Entity
@Table(name = "outbound_message")
@NamedQuery(name = "OutboundMessage.withStatus",
        query = "SELECT o FROM OutboundMessage o WHERE o.status = :status ORDER BY o.createdAt DESC, o.id")
public class OutboundMessage {

    @Id
    private UUID id;

    @Column(name = "conversation_id")
    private UUID conversationId;

    @Column(name = "phone_number_id")
    private String phoneNumberId;

    private String recipient;

    @Enumerated(EnumType.STRING)
    private OutboundKind kind;

    /** The Graph API request body, JSON. */
    private String payload;

    @Enumerated(EnumType.STRING)
    private OutboundStatus status;

    private int attempts;

    @Column(name = "wa_message_id")
    private String waMessageId;

    @Column(name = "error_code")
    private Integer errorCode;

    @Column(name = "error_reason")
    private String errorReason;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected OutboundMessage() {
    }

    public static OutboundMessage queued(UUID conversationId, String phoneNumberId, String recipient, OutboundKind kind,
            String payload, String requestedBy) {
        OutboundMessage m = new OutboundMessage();
        m.id = UUID.randomUUID();
        m.conversationId = conversationId;
        m.phoneNumberId = phoneNumberId;
        m.recipient = recipient;
        m.kind = kind;
        m.payload = payload;
        m.status = OutboundStatus.QUEUED;
        m.requestedBy = requestedBy;
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        return m;
    }

    /** Meta accepted the send and gave it this WhatsApp id. */
    public void accepted(String waMessageId) {
        this.waMessageId = waMessageId;
        this.attempts++;
        this.status = OutboundStatus.SENT;
        this.errorCode = null;
        this.errorReason = null;
        touch();
    }

    /** One delivery attempt failed; {@code last} says whether it was the final one. */
    public void attemptFailed(Integer code, String reason, boolean last) {
        this.attempts++;
        this.errorCode = code;
        this.errorReason = reason;
        if (last) {
            this.status = OutboundStatus.FAILED;
        }
        touch();
    }

    /** Refused for good (by Meta or by a rule of ours): no attempt will change that. */
    public void refused(Integer code, String reason) {
        this.attempts++;
        this.errorCode = code;
        this.errorReason = reason;
        this.status = OutboundStatus.FAILED;
        touch();
    }

    /** An admin asked for another round of delivery attempts. */
    public void requeue() {
        this.status = OutboundStatus.QUEUED;
        this.attempts = 0;
        touch();
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public String phoneNumberId() {
        return phoneNumberId;
    }

    public String recipient() {
        return recipient;
    }

    public OutboundKind kind() {
        return kind;
    }

    public String payload() {
        return payload;
    }

    public OutboundStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String waMessageId() {
        return waMessageId;
    }

    public Integer errorCode() {
        return errorCode;
    }

    public String errorReason() {
        return errorReason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
