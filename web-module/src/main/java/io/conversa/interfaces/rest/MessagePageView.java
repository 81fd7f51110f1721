package io.conversa.interfaces.rest;

import io.conversa.application.CloudApiFacts;
import io.conversa.application.MessagePage;
import io.conversa.domain.model.conversation.Message;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** A page of messages; {@code next} is the cursor for the following page, absent on the last. */
public record MessagePageView(List<MessageView> messages, String next) {

    /**
     * One message. The fields from {@code direction} on are set for Cloud API messages only:
     * {@code waMessageId} leads to their full history (GET /api/v1/whatsapp/messages/{waMessageId}),
     * {@code replyTo} is the WhatsApp id of the message it answers, {@code status} the furthest status
     * Meta reported, {@code reactions} who reacted with what, {@code revokedAt} when its sender deleted it.
     */
    public record MessageView(long id, int sequence, Instant sentAt, LocalDateTime localTime, Long participantId,
            String kind, String text, String attachmentName, boolean edited, String direction, String waMessageId,
            String replyTo, String status, List<CloudApiFacts.Reaction> reactions, Instant revokedAt) {

        static MessageView of(Message m, CloudApiFacts.Summary summary) {
            return new MessageView(m.id(), m.sequenceNo(), m.sentAt(), m.localTime(), m.participantId(),
                    m.kind().name(), m.body(), m.attachmentName(), m.edited(), m.direction(), m.waMessageId(),
                    m.replyToWaId(), summary == null ? null : summary.status(),
                    summary == null ? List.of() : summary.reactions(), summary == null ? null : summary.revokedAt());
        }
    }

    static MessagePageView of(MessagePage page, Map<String, CloudApiFacts.Summary> summaries) {
        return new MessagePageView(page.messages().stream()
                .map(m -> MessageView.of(m, m.waMessageId() == null ? null : summaries.get(m.waMessageId()))).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
