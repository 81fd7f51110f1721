package io.conversa.infrastructure.persistence;

import io.conversa.domain.model.conversation.Message;
import io.conversa.domain.model.conversation.MessageKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Inserts an import's batches on a connection of its own, each batch in its own transaction with the
 * days it touched marked for incremental analytics (V14). A message whose fingerprint the conversation
 * already holds is skipped, which makes re-imports add only what is new.
 *
 * <p>Batches go in by COPY in its binary form ({@link CopyBinary}), which costs PostgreSQL about a third
 * less per row than multi-row INSERTs, until one meets a message the conversation holds (a merge, or
 * another import of the same chat beside this one): COPY cannot skip a row, so that batch is rolled
 * back and it and every later batch are inserted with ON CONFLICT DO NOTHING instead.
 *
 * <p>In a merge, a message the conversation holds in another version (a media message stored without its file, a
 * message stored before its edit) is not written either: {@link StoredVersions} takes it out of the batch; and a
 * message older than the edited version stored in its place is deleted again once the batch has written it.
 */
final class BatchWriter implements AutoCloseable {

    /** SQLSTATE unique_violation: here, a fingerprint the conversation holds already. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection connection;
    private final UUID conversationId;
    private final UUID jobId;
    private final CopyManager copies;
    private final PreparedStatement insertMessage;
    private final Statement batchCommitsAsync;
    private final PreparedStatement writtenIds;
    private final PreparedStatement markDays;
    /** Null when the conversation held no message before this import, so there is nothing to look up. */
    private final StoredVersions storedVersions;
    /** No batch met a message the conversation held yet. */
    private boolean copying = true;

    /**
     * @param merging   whether the conversation held messages before this import
     * @param revisions told of what the export says beyond the stored version of a message it holds
     */
    BatchWriter(Connection connection, UUID conversationId, UUID jobId, boolean merging,
            Consumer<StoredRevision> revisions) throws SQLException {
        this.connection = connection;
        this.conversationId = conversationId;
        this.jobId = jobId;
        connection.setAutoCommit(false);
        copies = connection.unwrap(PGConnection.class).getCopyAPI();
        insertMessage = connection.prepareStatement("INSERT INTO message (" + CopyBinary.COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
                + " ON CONFLICT (conversation_id, fingerprint) DO NOTHING");
        batchCommitsAsync = connection.createStatement();
        writtenIds = connection.prepareStatement("SELECT id FROM message WHERE id BETWEEN ? AND ? AND import_job_id = ?");
        markDays = TouchedDays.prepare(connection);
        storedVersions = merging ? new StoredVersions(connection, conversationId, jobId, revisions) : null;
    }

    /**
     * Writes the batch and commits it without waiting for the disk: the job only succeeds in a later,
     * synchronous commit, which flushes the write-ahead log up to itself and so every batch before it.
     * A crash before that loses at most an unfinished import's last batches.
     *
     * @return the messages the batch wrote (not those a merge found stored), as entities: what the
     *         index needs of them, without reading their rows back
     */
    List<Message> write(QueuedBatch all) throws SQLException {
        QueuedBatch batch = storedVersions == null ? all : storedVersions.without(all);
        if (batch.rows().isEmpty()) {
            return committed(List.of());
        }
        if (copying) {
            try {
                return committed(copy(batch));
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback();
                copying = false;
            }
        }
        return committed(insert(batch));
    }

    /** Ends the transaction a batch left open when the import stops without it. */
    void abandon() throws SQLException {
        connection.rollback();
    }

    private List<Message> copy(QueuedBatch batch) throws SQLException {
        batchCommitsAsync.execute("SET LOCAL synchronous_commit TO OFF");
        try {
            copies.copyIn("COPY message (" + CopyBinary.COLUMNS + ") FROM STDIN (FORMAT binary)",
                    CopyBinary.of(batch, conversationId, jobId));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a batch from memory failed", e);
        }
        return entities(batch, withoutOlderVersions(batch, i -> true));
    }

    private List<Message> insert(QueuedBatch batch) throws SQLException {
        batchCommitsAsync.execute("SET LOCAL synchronous_commit TO OFF");
        List<MessageRow> rows = batch.rows();
        for (int i = 0; i < rows.size(); i++) {
            bind(batch.ids()[i], batch.participants()[i], rows.get(i));
            insertMessage.addBatch();
        }
        insertMessage.executeBatch();
        Set<Long> stored = writtenIds(batch);
        return entities(batch, withoutOlderVersions(batch, i -> stored.contains(batch.ids()[i])));
    }

    /** {@code written} without the rows that a merge finds older than the version stored, deleted again. */
    private IntPredicate withoutOlderVersions(QueuedBatch batch, IntPredicate written) throws SQLException {
        return storedVersions == null ? written : storedVersions.deleteOlderThanStored(batch, written);
    }

    private List<Message> committed(List<Message> written) throws SQLException {
        markTouchedDays(written);
        connection.commit();
        return written;
    }

    private void bind(long id, Long participant, MessageRow row) throws SQLException {
        insertMessage.setLong(1, id);
        insertMessage.setObject(2, conversationId);
        if (participant == null) {
            insertMessage.setNull(3, Types.BIGINT);
        } else {
            insertMessage.setLong(3, participant);
        }
        insertMessage.setInt(4, row.sequence());
        insertMessage.setTimestamp(5, Timestamp.from(row.sentAt()));
        insertMessage.setObject(6, row.localTime());
        insertMessage.setString(7, row.kind());
        insertMessage.setString(8, row.body());
        insertMessage.setString(9, row.attachmentName());
        insertMessage.setBoolean(10, row.edited());
        insertMessage.setString(11, row.metadataJson());
        insertMessage.setObject(12, jobId);
        insertMessage.setLong(13, row.fingerprint());
        insertMessage.setObject(14, row.mediaFingerprint(), Types.BIGINT);
    }

    /** The ids of the batch's rows that the insert wrote: all of them, but for those a merge found stored. */
    private Set<Long> writtenIds(QueuedBatch batch) throws SQLException {
        long[] ids = batch.ids();
        Set<Long> stored = new HashSet<>();
        writtenIds.setLong(1, ids[0]);
        writtenIds.setLong(2, ids[batch.rows().size() - 1]);
        writtenIds.setObject(3, jobId);
        try (ResultSet found = writtenIds.executeQuery()) {
            while (found.next()) {
                stored.add(found.getLong(1));
            }
        }
        return stored;
    }

    /** The batch's messages at the indexes {@code written} accepts, as entities. */
    private List<Message> entities(QueuedBatch batch, IntPredicate written) {
        List<Message> entities = new ArrayList<>(batch.rows().size());
        for (int i = 0; i < batch.rows().size(); i++) {
            if (written.test(i)) {
                MessageRow row = batch.rows().get(i);
                entities.add(Message.imported(batch.ids()[i], conversationId, batch.participants()[i], row.sequence(),
                        row.sentAt(), row.localTime(), MessageKind.valueOf(row.kind()), row.body(), row.attachmentName(),
                        row.edited(), jobId));
            }
        }
        return entities;
    }

    /**
     * Marks the days this batch added messages to, for incremental analytics, in the batch's own
     * transaction (the analytics job never sees the messages without their marks): the wall-time days
     * of the messages it wrote, so a merge's messages that the conversation already held mark nothing.
     * An exported message always has its wall time, the day the analytics count it under.
     */
    private void markTouchedDays(List<Message> written) throws SQLException {
        Set<LocalDate> days = new HashSet<>();
        for (Message m : written) {
            days.add(m.localTime().toLocalDate());
        }
        TouchedDays.mark(markDays, conversationId, days);
    }

    @Override
    public void close() throws SQLException {
        insertMessage.close();
        batchCommitsAsync.close();
        writtenIds.close();
        markDays.close();
        if (storedVersions != null) {
            storedVersions.close();
        }
    }
}
