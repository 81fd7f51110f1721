package io.conversa.interfaces.messaging;

import io.conversa.application.ExportIngestion;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Takes import jobs off the ingest queue. The import commits in batches of its own, so the
 * delivery is not transacted; a job that ends in an error records it on the job instead of
 * being redelivered. A server stopped in the middle of an import never acknowledged its message,
 * so the messaging engine delivers it again at the next start and the import runs again, first
 * removing what the stopped run wrote; a job two stops interrupted fails with its reason instead of
 * running a third time. A message that is not a job id is thrown back, so after three deliveries
 * it lands on the dead-letter queue where admins see it.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/ingest")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IngestConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(IngestConsumer.class.getName());

    @Inject
    ExportIngestion ingestion;

    @Override
    public void onMessage(Message message) {
        UUID jobId;
        try {
            jobId = UUID.fromString(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            LOG.warning(() -> "Malformed ingest message, refused: " + e.getMessage());
            throw new IllegalArgumentException("Not an import job id", e);
        }
        ingestion.run(jobId);
    }
}
