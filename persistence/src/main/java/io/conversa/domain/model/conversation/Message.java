package io.conversa.domain.model.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.conversa.infrastructure.index.MessageTextBinder;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One message of a conversation. Rows are written in bulk by the importer and the webhook consumer;
 * this entity is the read side, and what the search index holds (indexed explicitly after those
 * bulk writes, since they bypass Hibernate).
 */
@Entity
@Table(name = "message")
@Indexed(index = "message")
// Built by its constructor: when Liberty creates the persistence unit, CDI is not ready yet.
@TypeBinding(binder = @TypeBinderRef(type = MessageTextBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR))
public class Message {

    @Id
    @GenericField(name = "id", sortable = Sortable.YES, projectable = Projectable.YES)
    private Long id;

    @Column(name = "conversation_id")
    @GenericField(name = "conversation", aggregable = Aggregable.YES, projectable = Projectable.YES)
    private UUID conversationId;

    @Column(name = "participant_id")
    @GenericField(name = "participant", aggregable = Aggregable.YES, projectable = Projectable.YES)
    private Long participantId;

    @Column(name = "sequence_no")
    private int sequenceNo;

    @Column(name = "sent_at")
    @GenericField(name = "sentAt", sortable = Sortable.YES, projectable = Projectable.YES)
    private Instant sentAt;

    @Column(name = "local_time")
    private LocalDateTime localTime;

    @Enumerated(EnumType.STRING)
    @GenericField(name = "kind", projectable = Projectable.YES)
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

    /** The import that wrote the message; null for Cloud API messages. */
    @Column(name = "import_job_id")
    private UUID importJobId;

    /** ISO language code decided by NLP enrichment, {@code und} when undetermined, null before. */
    @KeywordField(name = "language")
    private String language;

    @Column(name = "language_confidence")
    private Float languageConfidence;

    @Column(name = "sentiment_polarity")
    @GenericField(name = "sentiment")
    private Float sentimentPolarity;

    @Column(name = "sentiment_subjectivity")
    private Float sentimentSubjectivity;

    private String emotion;

    @Column(name = "enriched_at")
    private Instant enrichedAt;

    protected Message() {
    }

    /**
     * A message an import has just written, as its row holds it: what the importer hands to the index
     * without reading the row back. Not enriched yet (no language, no sentiment), no Cloud API fields.
     */
    public static Message imported(long id, UUID conversationId, Long participantId, int sequenceNo, Instant sentAt,
            LocalDateTime localTime, MessageKind kind, String body, String attachmentName, boolean edited, UUID importJobId) {
        Message m = new Message();
        m.id = id;
        m.conversationId = conversationId;
        m.participantId = participantId;
        m.sequenceNo = sequenceNo;
        m.sentAt = sentAt;
        m.localTime = localTime;
        m.kind = kind;
        m.body = body;
        m.attachmentName = attachmentName;
        m.edited = edited;
        m.importJobId = importJobId;
        return m;
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

    public UUID importJobId() {
        return importJobId;
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
