package io.conversa.interfaces.messaging;

import io.conversa.application.CloudApiWebhooks;
import io.conversa.infrastructure.messaging.BurstShield;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Takes verified webhook bodies off the webhook queue and stores what they say, in the delivery's
 * transaction: a body that fails is redelivered, and after three failures it waits on the
 * dead-letter queue. During a burst of webhooks it waits first ({@link BurstShield}).
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/webhook")
})
public class WebhookConsumer implements MessageListener {

    @Inject
    CloudApiWebhooks webhooks;

    @Inject
    BurstShield burst;

    @Override
    public void onMessage(Message message) {
        burst.awaitLull();
        try {
            webhooks.process(((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable webhook message", e);
        }
    }
}
