package io.conversa.application;

import io.conversa.domain.model.job.ImportCounts;
import io.conversa.infrastructure.messaging.Queues;
import io.conversa.infrastructure.persistence.MessageRow;
import io.conversa.infrastructure.persistence.MessageWriter;
import io.conversa.infrastructure.storage.ObjectStorage;
import io.conversa.interfaces.export.ArchiveLimits;
import io.conversa.interfaces.export.ExportFormat;
import io.conversa.interfaces.export.ExportParser;
import io.conversa.interfaces.export.MessageStream;
import io.conversa.interfaces.export.ParsedMessage;
import io.conversa.interfaces.export.RefusedContentException;
import io.conversa.interfaces.export.UnreadableExportException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs one queued import: reads the stored export twice as a stream (once to decide its format,
 * once to parse), writes its new messages in committed batches with progress, stores a zip's media,
 * and either marks the conversation ready or removes what this import wrote and records why it failed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportIngestion {

    private static final Logger LOG = Logger.getLogger(ExportIngestion.class.getName());

    /**
     * Runs of one job that a stop of the server may cut short before the job is failed instead of run
     * again. An import that brings the server down itself would otherwise run at every start; and the
     * messaging engine moves a message it delivered three times to the dead-letter queue, which would
     * leave the job RUNNING for good: the third run must end the job.
     */
    static final int MAX_INTERRUPTED_RUNS = 2;

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    @Inject
    ObjectStorage storage;

    @Inject
    JobProgress progress;

    @Inject
    Queues queues;

    @Inject
    MessageIndexing indexing;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    /** How much a zip export may unpack to; beyond it the archive is refused as a likely zip bomb. */
    @Inject
    @ConfigProperty(name = "CONVERSA_IMPORT_MAX_UNPACKED_BYTES", defaultValue = "" + ArchiveLimits.DEFAULT_MAX_UNPACKED_BYTES)
    long maxUnpackedBytes;

    public void run(UUID jobId) {
        ImportTask task = progress.start(jobId);
        if (task == null) {
            return;
        }
        if (task.interruptedRuns() >= MAX_INTERRUPTED_RUNS) {
            LOG.severe(() -> "Import job " + jobId + " was interrupted by a stop of the server " + task.interruptedRuns()
                    + " times; it is failed instead of run again");
            abandon(task, "A stop of the server interrupted this import " + task.interruptedRuns() + " times in a row,"
                    + " so it was not started again; nothing of it was kept. Upload the export again; if the server"
                    + " stopped because of this import (for example out of memory), report job " + jobId + ".");
            return;
        }
        try {
            if (task.interrupted()) {
                LOG.warning(() -> "Import job " + jobId + " was interrupted by a stop of the server;"
                        + " it starts again from its upload");
                undo(task);
            }
            ImportCounts counts;
            try {
                counts = importMessages(task, false);
            } catch (FirstLookMisledException e) {
                LOG.info(() -> "Import job " + jobId + ": the whole export decides another format than its first lines;"
                        + " it is read again in that one");
                undo(task);
                counts = importMessages(task, true);
            }
            progress.succeed(task.jobId(), counts);
            if (counts.messagesNew() > 0 || counts.messagesEdited() > 0) {
                queues.enrich(task.conversationId());
            }
        } catch (UnreadableExportException e) {
            abandon(task, e.getMessage());
        } catch (Exception e) {
            RefusedContentException refusal = RefusedContentException.in(e);
            if (refusal != null) {
                abandon(task, refusal.getMessage());
                return;
            }
            LOG.log(Level.SEVERE, "Import job " + jobId + " failed", e);
            abandon(task, "The import stopped on an internal error (" + e.getClass().getSimpleName()
                    + "); nothing of it was kept. Try again, or report job " + jobId + ".");
        }
    }

    /**
     * The parser's first look decided a format that the whole export does not (a file whose first thousand
     * messages' dates say day-first and the rest's month-first, say): what was written was read in the wrong format.
     */
    private static final class FirstLookMisledException extends Exception {
        private static final long serialVersionUID = 1L;

        FirstLookMisledException() {
            super(null, null, false, false);
        }
    }

    /**
     * Writes the messages and, beside the writing, indexes each committed batch: the job says it
     * succeeded only once they are searchable too (the rows were written without Hibernate).
     *
     * <p>The export is read in the format the parser's first look finds in its first lines, unless
     * {@code wholeFileFirst}: then its whole text is read for the format first, as the parse then reads it. A parse
     * in the first look's format checks that format against the whole file's at its end, and against
     * {@link ExportParser#detect} when it is refused on the way, since the wrong format may be why (a message
     * that seems to go on for megabytes, made of lines in another date order).
     *
     * @throws FirstLookMisledException when the whole file decides another format than the first look did
     */
    private ImportCounts importMessages(ImportTask task, boolean wholeFileFirst) throws IOException, SQLException,
            UnreadableExportException, InterruptedException, FirstLookMisledException {
        long started = System.nanoTime();
        ExportParser parser = new ExportParser(task.zone(), task.dateOrder());
        ImportIndexer indexer = new ImportIndexer(executor, indexing, progress, task.jobId());
        boolean indexed = false;
        try (StoredExport export = StoredExport.open(storage, task, parser, maxUnpackedBytes, wholeFileFirst);
                Connection connection = dataSource.getConnection();
                MessageWriter writer = new MessageWriter(connection, dataSource, executor, task.conversationId(),
                        task.jobId(), indexer::committed);
                CountingInput in = new CountingInput(export.openText());
                MessageStream messages = parser.parse(in, export.format())) {
            ExportFormat wholeFile;
            try {
                wholeFile = write(task, export, in, messages, writer);
            } catch (UnreadableExportException | UncheckedIOException e) {
                if (!wholeFileFirst && !detect(parser, export).readsLike(export.format())) {
                    throw new FirstLookMisledException();
                }
                throw e;
            }
            if (!wholeFile.readsLike(export.format())) {
                throw new FirstLookMisledException();
            }
            writer.finish();
            // The last batch's messages, which no batch handed on reported: a zip's media come next, which take long.
            progress.progress(task.jobId(), export.uploadBytesAt(in.count()), writer.settled(), writer.added());
            long written = System.nanoTime();
            // Before the media, which link their files to the messages by the names these messages now have.
            MessageWriter.Revised revised = writer.reviseStoredMessages();
            ArchiveMedia media = new ArchiveMedia(storage, connection, task.conversationId(), executor);
            int stored = media.store(export, (bytes, files) -> progress.media(task.jobId(), bytes, files));
            ImportCounts counts = new ImportCounts(writer.read(), writer.added(), revised.givenFiles().size(),
                    revised.edited().size(), writer.participantCount(), stored, media.missing());
            // Ends the reads above: Liberty rolls back a local transaction left open at the end of the
            // method and reports it as a failure of the whole delivery, which the queue then redelivers.
            connection.commit();
            long committed = System.nanoTime();
            indexing.indexNow(revised.all());
            long searchable = indexer.finish();
            indexed = true;
            LOG.info(() -> String.format("Import job %s: %s in %d ms (parsing and writing %d ms, then %d ms;"
                    + " %d indexed, %d ms after that)", task.jobId(), counts, (System.nanoTime() - started) / 1_000_000,
                    (written - started) / 1_000_000, (committed - written) / 1_000_000, searchable,
                    (System.nanoTime() - committed) / 1_000_000));
            return counts;
        } finally {
            // Whatever stopped the import (the writer's batches are over once it is closed, above): the
            // indexer's task must not wait for batches forever.
            if (!indexed) {
                indexer.cancel();
            }
        }
    }

    /** Hands the export's messages to the writer; returns the format the whole file decides. */
    private ExportFormat write(ImportTask task, StoredExport export, CountingInput in, MessageStream messages,
            MessageWriter writer) throws SQLException, InterruptedException, UnreadableExportException {
        MessageFingerprints fingerprints = new MessageFingerprints();
        while (messages.hasNext()) {
            ParsedMessage m = messages.next();
            boolean handed = writer.add(new MessageRow(m.author(), m.sequence(), m.sentAt(), m.localTime(),
                    m.kind().name(), m.text(), m.attachmentName(), m.edited(), PollOptions.json(m.pollOptions()),
                    fingerprints.of(m), fingerprints.mediaOf(m), fingerprints.placeOf(m)));
            if (handed) {
                progress.progress(task.jobId(), export.uploadBytesAt(in.count()), writer.settled(), writer.added());
            }
        }
        if (writer.read() == 0) {
            throw new UnreadableExportException("The file holds no WhatsApp messages.");
        }
        return messages.formatOfWholeFile();
    }

    private static ExportFormat detect(ExportParser parser, StoredExport export) throws IOException, UnreadableExportException {
        try (InputStream text = export.openText()) {
            return parser.detect(text);
        }
    }

    private void abandon(ImportTask task, String reason) {
        try {
            undo(task);
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Could not remove the partial import of job " + task.jobId(), e);
        }
        progress.fail(task.jobId(), reason);
    }

    /** Removes what the job wrote so far, from the search index first, then from the database. */
    private void undo(ImportTask task) throws SQLException {
        try {
            forgetIndexed(task);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not remove the partial import of job " + task.jobId() + " from the search index", e);
        }
        try (Connection connection = dataSource.getConnection()) {
            MessageWriter.discard(connection, task.conversationId(), task.jobId());
        }
    }

    /** Purges what the import's indexer had already indexed, so search finds nothing of a failed import. */
    private void forgetIndexed(ImportTask task) {
        Long first = indexing.firstImported(task.conversationId(), task.jobId());
        if (first == null) {
            return;
        }
        long after = first - 1;
        MessageIndexing.PurgedBatch batch;
        do {
            batch = indexing.forgetImported(task.conversationId(), task.jobId(), after);
            after = batch.last();
        } while (batch.read() == MessageIndexing.BATCH);
    }
}
