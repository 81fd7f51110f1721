package io.conversa.domain.model.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One message of a conversation. Rows are written in bulk by the importer and the webhook consumer;
 * this entity is the read side.
 */
@Entity
@Table(name = "message")
public class Message {

    @Id
    private Long id;

    @Column(name = "conversation_id")
    private UUID conversationId;

    @Column(name = "participant_id")
    private Long participantId;

    @Column(name = "sequence_no")
    private int sequenceNo;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "local_time")
    private LocalDateTime localTime;

    @Enumerated(EnumType.STRING)
    private MessageKind kind;

    private String body;

    @Column(name = "attachment_name")
    private String attachmentName;

    private boolean edited;

    /** IN or OUT for Cloud API messages; null for imported ones. */
    private String direction;

    @Column(name = "wa_message_id")
    private String waMessageId;

    @Column(name = "reply_to_wa_id")
    private String replyToWaId;

    /** ISO language code decided by NLP enrichment, {@code und} when undetermined, null before. */
    private String language;

    @Column(name = "language_confidence")
    private Float languageConfidence;

    @Column(name = "sentiment_polarity")
    private Float sentimentPolarity;

    @Column(name = "sentiment_subjectivity")
    private Float sentimentSubjectivity;

    private String emotion;

    @Column(name = "enriched_at")
    private Instant enrichedAt;

    protected Message() {
    }

    public Long id() {
        return id;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public Long participantId() {
        return participantId;
    }

    public int sequenceNo() {
        return sequenceNo;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public LocalDateTime localTime() {
        return localTime;
    }

    public MessageKind kind() {
        return kind;
    }

    public String body() {
        return body;
    }

    public String attachmentName() {
        return attachmentName;
    }

    public boolean edited() {
        return edited;
    }

    public String direction() {
        return direction;
    }

    public String waMessageId() {
        return waMessageId;
    }

    public String replyToWaId() {
        return replyToWaId;
    }

    public String language() {
        return language;
    }

    public Float languageConfidence() {
        return languageConfidence;
    }

    public Float sentimentPolarity() {
        return sentimentPolarity;
    }

    public Float sentimentSubjectivity() {
        return sentimentSubjectivity;
    }

    public String emotion() {
        return emotion;
    }

    public Instant enrichedAt() {
        return enrichedAt;
    }
}
