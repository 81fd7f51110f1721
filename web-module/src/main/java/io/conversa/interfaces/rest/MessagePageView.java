package io.conversa.interfaces.rest;

import io.conversa.application.CloudApiFacts;
import io.conversa.application.MessageEntity;
import io.conversa.application.MessagePage;
import io.conversa.domain.model.conversation.Message;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** A page of messages; {@code next} is the cursor for the following page, absent on the last. */
public record MessagePageView(List<MessageView> messages, String next) {

    /**
     * One message. The fields from {@code direction} to {@code revokedAt} are set for Cloud API messages only:
     * {@code waMessageId} leads to their full history (GET /api/v1/whatsapp/messages/{waMessageId}),
     * {@code replyTo} is the WhatsApp id of the message it answers, {@code status} the furthest status
     * Meta reported, {@code reactions} who reacted with what, {@code revokedAt} when its sender deleted it.
     * {@code enrichment} is what NLP found, absent until the message is enriched.
     */
    public record MessageView(long id, int sequence, Instant sentAt, LocalDateTime localTime, Long participantId,
            String kind, String text, String attachmentName, boolean edited, String direction, String waMessageId,
            String replyTo, String status, List<CloudApiFacts.Reaction> reactions, Instant revokedAt,
            EnrichmentView enrichment) {

        static MessageView of(Message m, CloudApiFacts.Summary summary, List<MessageEntity> entities) {
            return new MessageView(m.id(), m.sequenceNo(), m.sentAt(), m.localTime(), m.participantId(),
                    m.kind().name(), m.body(), m.attachmentName(), m.edited(), m.direction(), m.waMessageId(),
                    m.replyToWaId(), summary == null ? null : summary.status(),
                    summary == null ? List.of() : summary.reactions(), summary == null ? null : summary.revokedAt(),
                    m.enrichedAt() == null ? null : EnrichmentView.of(m, entities));
        }
    }
    /**
     * NLP's findings on a message: language (ISO 639-1, "und" when undetermined) and confidence, sentiment polarity
     * (-1..1) and subjectivity (0..1), emotion, and the entities with their offsets into {@code text}. The language and
     * sentiment fields are null for a message without text.
     */
    public record EnrichmentView(String language, Float languageConfidence, Float polarity, Float subjectivity, String emotion,
            Instant enrichedAt, List<EntityView> entities) {

        static EnrichmentView of(Message m, List<MessageEntity> entities) {
            return new EnrichmentView(m.language(), m.languageConfidence(), m.sentimentPolarity(), m.sentimentSubjectivity(),
                    m.emotion(), m.enrichedAt(), entities.stream().map(EntityView::of).toList());
        }
    }

    /** An entity: PERSON, ORG, LOCATION, DATE, TIME, PHONE, EMAIL, URL or MENTION, where it is, and its normalised value. */
    public record EntityView(String kind, String text, int start, int end, String normalised) {

        static EntityView of(MessageEntity e) {
            return new EntityView(e.kind(), e.text(), e.start(), e.end(), e.normalised());
        }
    }

    static MessagePageView of(MessagePage page, Map<String, CloudApiFacts.Summary> summaries) {
        return new MessagePageView(page.messages().stream()
                .map(m -> MessageView.of(m, m.waMessageId() == null ? null : summaries.get(m.waMessageId()),
                        page.entities().getOrDefault(m.id(), List.of()))).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
