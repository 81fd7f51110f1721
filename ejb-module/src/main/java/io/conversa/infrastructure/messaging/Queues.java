package io.conversa.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;

/**
 * Conversa's work queues. Sends are persistent: once a send returns, the message is in the
 * messaging engine's file store and survives a crash. Inside a transaction it is delivered only
 * if the transaction commits.
 */
@ApplicationScoped
public class Queues {

    /** Message property: which attempt of the work this delivery is (1 for the first). */
    public static final String ATTEMPT = "attempt";

    /** Message property of a media download: why its earlier attempts failed, one after the other. */
    public static final String FAILURES = "failures";

    /** Message property of a dead letter: why it is there. */
    public static final String REASON = "reason";

    /**
     * Every send and receive opens a context of its own from the (pooled) factory. An injected context
     * turned out to be shared by every thread here: its producer's lock made concurrent webhook requests
     * wait one after the other for each other's file-store write, and concurrent use of its session
     * failed sends. Inside a transaction a new context joins it.
     */
    @Resource(lookup = "jms/conversa")
    ConnectionFactory factory;

    @Resource(lookup = "jms/ingest")
    Queue ingest;

    @Resource(lookup = "jms/webhook")
    Queue webhook;

    @Resource(lookup = "jms/outbound")
    Queue outbound;

    @Resource(lookup = "jms/media")
    Queue media;

    @Resource(lookup = "jms/dlq")
    Queue deadLetters;
    @Resource(lookup = "jms/nlp")
    Queue nlp;

    /** Hands an import job to the ingest consumer. */
    public void ingest(UUID jobId) {
        send(ingest, jobId.toString());
    }

    /** Hands a verified webhook body to the webhook consumer. */
    public void webhook(String body) {
        send(webhook, body);
    }

    /** Asks the delivery consumer to make attempt number {@code attempt} of a send, after {@code delay}. */
    public void outbound(UUID outboundId, int attempt, Duration delay) {
        try (JMSContext jms = factory.createContext()) {
            later(jms, attempt, delay).send(outbound, outboundId.toString());
        }
    }

    /**
     * Asks the media consumer to make attempt number {@code attempt} at downloading a media object, after
     * {@code delay}; {@code earlierFailures} (null on the first) goes with it, to be recorded if this one fails too.
     */
    public void media(long mediaObjectId, int attempt, Duration delay, String earlierFailures) {
        try (JMSContext jms = factory.createContext()) {
            JMSProducer producer = later(jms, attempt, delay);
            if (earlierFailures != null) { // Liberty's engine hands a property set to null back as "null"
                producer.setProperty(FAILURES, earlierFailures);
            }
            producer.send(media, Long.toString(mediaObjectId));
        }
    }

    /** Parks a send that failed its last attempt where admins look for them; the correlation id names it. */
    public void deadLetter(UUID outboundId, String reason) {
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setJMSCorrelationID(outboundId.toString())
                    .setProperty(REASON, reason).send(deadLetters, outboundId.toString());
        }
    }

    /** Takes a parked send off the dead-letter queue when an admin re-drives it; false when none was there. */
    public boolean takeDeadLetter(UUID outboundId) {
        try (JMSContext jms = factory.createContext();
                JMSConsumer consumer = jms.createConsumer(deadLetters, "JMSCorrelationID = '" + outboundId + "'")) {
            return consumer.receiveNoWait() != null;
        }
    }

    private static JMSProducer later(JMSContext jms, int attempt, Duration delay) {
        return jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setDeliveryDelay(delay.toMillis())
                .setProperty(ATTEMPT, attempt);
    }

    /** Asks the NLP consumer to enrich the conversation's messages not enriched yet. */
    public void enrich(UUID conversationId) {
        send(nlp, conversationId.toString());
    }

    private void send(Queue queue, String text) {
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, text);
        }
    }
}
