package io.conversa.application;

import io.conversa.infrastructure.persistence.MessageWriter;
import io.conversa.infrastructure.storage.ObjectStorage;
import io.conversa.interfaces.export.ExportParser;
import io.conversa.interfaces.export.MessageStream;
import io.conversa.interfaces.export.ParsedMessage;
import io.conversa.interfaces.export.UnreadableExportException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs one queued import: reads the stored export twice as a stream (once to decide its format,
 * once to parse), writes its messages in committed batches with progress, and either marks the
 * conversation ready or removes what was written and records why it failed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportIngestion {

    private static final Logger LOG = Logger.getLogger(ExportIngestion.class.getName());

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    @Inject
    ObjectStorage storage;

    @Inject
    JobProgress progress;

    public void run(UUID jobId) {
        ImportTask task = progress.start(jobId);
        if (task == null) {
            return;
        }
        try {
            importMessages(task);
        } catch (UnreadableExportException e) {
            abandon(task, e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Import job " + jobId + " failed", e);
            abandon(task, "The import stopped on an internal error (" + e.getClass().getSimpleName()
                    + "); nothing of it was kept. Try again, or report job " + jobId + ".");
        }
    }

    private void importMessages(ImportTask task) throws IOException, SQLException, UnreadableExportException {
        ExportParser parser = new ExportParser(task.zone(), null);
        try (StoredExport export = StoredExport.open(storage, task, parser);
                Connection connection = dataSource.getConnection();
                MessageWriter writer = new MessageWriter(connection, task.conversationId());
                CountingInput in = new CountingInput(export.openText());
                MessageStream messages = parser.parse(in, export.format())) {
            Instant first = null;
            Instant last = null;
            while (messages.hasNext()) {
                ParsedMessage m = messages.next();
                first = first == null || m.sentAt().isBefore(first) ? m.sentAt() : first;
                last = last == null || m.sentAt().isAfter(last) ? m.sentAt() : last;
                boolean flushed = writer.add(m.author(), m.sequence(), m.sentAt(), m.localTime(), m.kind().name(),
                        m.text(), m.attachmentName(), m.edited(), PollOptions.json(m.pollOptions()));
                if (flushed) {
                    progress.progress(task.jobId(), export.uploadBytesAt(in.count()), writer.written());
                }
            }
            if (writer.written() == 0) {
                throw new UnreadableExportException("The file holds no WhatsApp messages.");
            }
            writer.finish();
            progress.succeed(task.jobId(), writer.written(), writer.participantCount(), first, last);
        }
    }

    private void abandon(ImportTask task, String reason) {
        try (Connection connection = dataSource.getConnection()) {
            MessageWriter.discard(connection, task.conversationId());
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Could not remove the partial import of job " + task.jobId(), e);
        }
        progress.fail(task.jobId(), reason);
    }
}
