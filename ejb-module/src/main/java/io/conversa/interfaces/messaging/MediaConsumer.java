package io.conversa.interfaces.messaging;

import io.conversa.application.MediaDownloads;
import io.conversa.infrastructure.messaging.Queues;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Downloads the media of Cloud API messages, one attempt per queue message. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/media")
})
public class MediaConsumer implements MessageListener {

    @Inject
    MediaDownloads downloads;

    @Override
    public void onMessage(Message message) {
        try {
            downloads.attempt(Long.parseLong(message.getBody(String.class)), OutboundDelivery.attempt(message),
                    message.getStringProperty(Queues.FAILURES));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable media message", e);
        }
    }
}
