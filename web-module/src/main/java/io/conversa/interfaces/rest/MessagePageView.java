package io.conversa.interfaces.rest;

import io.conversa.application.MessagePage;
import io.conversa.domain.model.conversation.Message;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** A page of messages; {@code next} is the cursor for the following page, absent on the last. */
public record MessagePageView(List<MessageView> messages, String next) {

    /**
     * One message. The last three are set for Cloud API messages only: {@code waMessageId} leads to its
     * statuses and reactions (GET /api/v1/whatsapp/messages/{waMessageId}), {@code replyTo} is the
     * WhatsApp id of the message it answers.
     */
    public record MessageView(long id, int sequence, Instant sentAt, LocalDateTime localTime, Long participantId,
            String kind, String text, String attachmentName, boolean edited, String direction, String waMessageId,
            String replyTo) {

        static MessageView of(Message m) {
            return new MessageView(m.id(), m.sequenceNo(), m.sentAt(), m.localTime(), m.participantId(),
                    m.kind().name(), m.body(), m.attachmentName(), m.edited(), m.direction(), m.waMessageId(),
                    m.replyToWaId());
        }
    }

    static MessagePageView of(MessagePage page) {
        return new MessagePageView(page.messages().stream().map(MessageView::of).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
