package io.conversa.interfaces.messaging;

import io.conversa.application.CloudApiWebhooks;
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
 * dead-letter queue.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/webhook")
})
public class WebhookConsumer implements MessageListener {

    @Inject
    CloudApiWebhooks webhooks;

    @Override
    public void onMessage(Message message) {
        try {
            webhooks.process(((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable webhook message", e);
        }
    }
}
