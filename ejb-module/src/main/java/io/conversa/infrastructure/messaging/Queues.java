package io.conversa.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.UUID;

/**
 * Conversa's work queues. Sends are persistent: once a send returns, the message is in the
 * messaging engine's file store and survives a crash. Inside a transaction it is delivered only
 * if the transaction commits.
 */
@ApplicationScoped
public class Queues {

    @Inject
    @JMSConnectionFactory("jms/conversa")
    JMSContext jms;

    @Resource(lookup = "jms/ingest")
    Queue ingest;

    @Resource(lookup = "jms/webhook")
    Queue webhook;

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

    /** Asks the NLP consumer to enrich the conversation's messages not enriched yet. */
    public void enrich(UUID conversationId) {
        send(nlp, conversationId.toString());
    }

    private void send(Queue queue, String text) {
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, text);
    }
}
