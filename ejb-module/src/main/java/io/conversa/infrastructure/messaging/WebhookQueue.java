package io.conversa.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * Hands verified webhook bodies to the webhook consumer. A persistent send has reached the
 * messaging engine's file store when it returns, so a body Meta got 200 for survives a crash.
 */
@ApplicationScoped
public class WebhookQueue {

    @Inject
    @JMSConnectionFactory("jms/conversa")
    JMSContext jms;

    @Resource(lookup = "jms/webhook")
    Queue queue;

    public void submit(String body) {
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, body);
    }
}
