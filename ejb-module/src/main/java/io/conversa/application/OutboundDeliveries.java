package io.conversa.application;

import io.conversa.domain.model.outbound.OutboundKind;
import io.conversa.domain.model.outbound.OutboundMessage;
import io.conversa.domain.model.outbound.OutboundStatus;
import io.conversa.infrastructure.cache.RateLimits;
import io.conversa.infrastructure.messaging.Queues;
import io.conversa.infrastructure.whatsapp.GraphApiError;
import io.conversa.infrastructure.whatsapp.GraphClient;
import io.conversa.infrastructure.whatsapp.GraphRefusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One delivery attempt of a queued send, under the rate limits: Meta accepts it (SENT, with its
 * WhatsApp id), refuses it for good (FAILED with Meta's reason), or fails for now, in which case
 * the next attempt is queued after a jittered, growing delay. The third failed attempt is the last:
 * the send ends FAILED and waits on the dead-letter queue for an admin.
 */
@Stateless
public class OutboundDeliveries {

    static final int MAX_ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(OutboundDeliveries.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    GraphClient graph;

    @Inject
    RateLimits rateLimits;

    @Inject
    Queues queues;

    @Inject
    OutboundProgress progress;

    /** Keeps Conversa's copy of what it sent in the conversation, beside what the contact wrote. */
    @Inject
    CloudApiStore conversations;

    /** Meta's default throughput per business number. */
    @Inject
    @ConfigProperty(name = "CONVERSA_WHATSAPP_RATE_PER_SECOND", defaultValue = "80")
    int perNumberPerSecond;

    /** Meta's pair rate limit is about one message every 6 seconds to the same user, with short bursts allowed. */
    @Inject
    @ConfigProperty(name = "CONVERSA_WHATSAPP_PAIR_RATE_PER_MINUTE", defaultValue = "10")
    int perRecipientPerMinute;

    /** Delay before the second attempt; each later one waits four times longer. */
    @Inject
    @ConfigProperty(name = "CONVERSA_WHATSAPP_RETRY_BACKOFF", defaultValue = "PT2S")
    Duration backoff;

    public void attempt(UUID id, int attempt) {
        OutboundMessage send = em.find(OutboundMessage.class, id);
        if (send == null || send.status() != OutboundStatus.QUEUED) {
            return; // delivered already (a redelivery after a crash) or re-driven meanwhile
        }
        Duration wait = rateLimitWait(send);
        if (!wait.isZero()) {
            queues.outbound(id, attempt, wait);
            return;
        }
        JsonObject payload = parse(send.payload());
        JsonObject answer;
        try {
            answer = graph.send(send.phoneNumberId(), payload);
        } catch (GraphRefusal refusal) {
            LOG.info(() -> "Send " + id + " refused by the Graph API: " + refusal.getMessage());
            send.refused(refusal.code(), refusal.reason());
            return;
        } catch (RuntimeException failure) {
            failed(send, attempt, failure);
            return;
        }
        // Meta has accepted it: a failure from here on rolls back and the queue delivers again, so a
        // crash between Meta's answer and the commit can send twice (the Graph API takes no idempotency key).
        String waMessageId = waMessageId(answer);
        send.accepted(waMessageId);
        em.flush();
        if (waMessageId != null && send.conversationId() != null) {
            conversations.sent(send.phoneNumberId(), send.recipient(), waMessageId, payload);
        }
        if (waMessageId != null) {
            progress.advance(waMessageId);
        }
    }

    private void failed(OutboundMessage send, int attempt, RuntimeException failure) {
        boolean last = attempt >= MAX_ATTEMPTS;
        String reason = reason(failure);
        Integer code = failure instanceof GraphApiError error ? error.code() : null;
        send.attemptFailed(code, reason, last);
        LOG.warning(() -> "Send " + send.id() + " attempt " + attempt + " of " + MAX_ATTEMPTS + " failed: " + reason);
        if (last) {
            queues.deadLetter(send.id(), reason);
        } else {
            queues.outbound(send.id(), attempt + 1, jittered(backoff.multipliedBy(1L << (2 * (attempt - 1)))));
        }
    }

    private Duration rateLimitWait(OutboundMessage send) {
        if (send.kind() == OutboundKind.READ_RECEIPT) {
            return Duration.ZERO; // not a message: counts against neither limit
        }
        Duration perNumber = rateLimits.take("number:" + send.phoneNumberId(), perNumberPerSecond, Duration.ofSeconds(1));
        if (!perNumber.isZero()) {
            return perNumber;
        }
        return rateLimits.take("pair:" + send.phoneNumberId() + ":" + send.recipient(), perRecipientPerMinute,
                Duration.ofMinutes(1));
    }

    /** Between 75% and 125% of {@code delay}, so that sends failing together do not come back together. */
    private static Duration jittered(Duration delay) {
        return Duration.ofMillis((long) (delay.toMillis() * ThreadLocalRandom.current().nextDouble(0.75, 1.25)));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** {@code {"messages":[{"id":"wamid..."}]}}; a read receipt answers {@code {"success":true}} and has none. */
    private static String waMessageId(JsonObject answer) {
        var messages = answer.getJsonArray("messages");
        return messages == null || messages.isEmpty() ? null : messages.getJsonObject(0).getString("id", null);
    }
}
