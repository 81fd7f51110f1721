package io.conversa.interfaces.messaging;

import io.conversa.application.OutboundDeliveries;
import io.conversa.infrastructure.messaging.Queues;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;

/**
 * Delivers queued sends, one attempt per message, in the delivery's transaction: what the attempt
 * decided (sent, refused, the next attempt queued) commits together with taking the message off the queue.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/outbound")
})
public class OutboundDelivery implements MessageListener {

    @Inject
    OutboundDeliveries deliveries;

    @Override
    public void onMessage(Message message) {
        try {
            deliveries.attempt(UUID.fromString(message.getBody(String.class)), attempt(message));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable outbound message", e);
        }
    }

    static int attempt(Message message) throws JMSException {
        return message.propertyExists(Queues.ATTEMPT) ? message.getIntProperty(Queues.ATTEMPT) : 1;
    }
}
