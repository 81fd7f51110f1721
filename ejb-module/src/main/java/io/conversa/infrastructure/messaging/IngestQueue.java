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
 * Hands import jobs to the ingest consumer. Sent inside the caller's transaction, so a job is
 * queued only if its rows were committed.
 */
@ApplicationScoped
public class IngestQueue {

    @Inject
    @JMSConnectionFactory("jms/conversa")
    JMSContext jms;

    @Resource(lookup = "jms/ingest")
    Queue queue;

    public void submit(UUID jobId) {
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, jobId.toString());
    }
}
