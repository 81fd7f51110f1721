package io.conversa.interfaces.messaging;

import io.conversa.application.ConversationEnrichment;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Takes "this conversation changed" off the nlp queue and enriches the conversation's messages not
 * enriched yet. The enrichment commits page by page itself, so the delivery is not transacted; a
 * database failure is thrown back, the message is redelivered and resumes after the pages already
 * written (three failures and it waits on the dead-letter queue). Several messages for one
 * conversation cost little: the later ones find nothing left to do. During a burst of webhooks
 * the enrichment waits before each page (BurstShield).
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/nlp")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NlpConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(NlpConsumer.class.getName());

    @Inject
    ConversationEnrichment enrichment;

    @Override
    public void onMessage(Message message) {
        UUID conversation;
        try {
            conversation = UUID.fromString(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            LOG.warning(() -> "Malformed nlp message, refused: " + e.getMessage());
            throw new IllegalArgumentException("Not a conversation id", e);
        }
        try {
            enrichment.enrich(conversation, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Enrichment of conversation " + conversation + " failed; redelivered", e);
        }
    }
}
