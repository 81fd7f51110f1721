package io.conversa.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an import's participants and messages with JDBC batches, committing every {@link #BATCH}
 * messages so memory and transaction size stay flat however long the chat is. A message whose
 * fingerprint the conversation already holds is skipped, which makes re-imports add only what is new.
 * Each batch marks the days it added messages to for incremental analytics (V14).
 */
public final class MessageWriter implements AutoCloseable {

    public static final int BATCH = 5000;

    private final Connection connection;
    private final UUID conversationId;
    private final UUID jobId;
    private final PreparedStatement insertMessage;
    private final Statement batchCommitsAsync;
    private final PreparedStatement markDays;
    private final PreparedStatement lastId;
    /** The highest message id before this import wrote anything. */
    private final long idsBefore;
    /** Every id this writer's batches took so far is at most this (the sequence's value in this session). */
    private long idsUpTo;
    private final Map<String, Long> participants = new HashMap<>();
    private int pending;
    private int read;

    public MessageWriter(Connection connection, UUID conversationId, UUID jobId) throws SQLException {
        this.connection = connection;
        this.conversationId = conversationId;
        this.jobId = jobId;
        connection.setAutoCommit(false);
        loadParticipants();
        insertMessage = connection.prepareStatement(
                "INSERT INTO message (conversation_id, participant_id, sequence_no, sent_at, local_time, kind, body,"
                        + " attachment_name, edited, metadata, import_job_id, fingerprint)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                        + " ON CONFLICT (conversation_id, fingerprint) DO NOTHING");
        batchCommitsAsync = connection.createStatement();
        // A batch's messages have the ids it took from the sequence: a range of the primary key.
        markDays = connection.prepareStatement("INSERT INTO analytics_touched_day (conversation_id, day)"
                + " SELECT DISTINCT m.conversation_id, (COALESCE(m.local_time, m.sent_at AT TIME ZONE c.time_zone))::date"
                + " FROM message m JOIN conversation c ON c.id = m.conversation_id"
                + " WHERE m.id > ? AND m.id <= ? AND m.import_job_id = ?");
        lastId = connection.prepareStatement("SELECT currval(pg_get_serial_sequence('message', 'id'))");
        try (Statement max = connection.createStatement();
                ResultSet rows = max.executeQuery("SELECT COALESCE(MAX(id), 0) FROM message")) {
            rows.next();
            idsBefore = rows.getLong(1);
        }
        idsUpTo = idsBefore;
    }

    /**
     * The highest message id the table holds before this import writes: every message the import
     * writes gets a higher one (ids come from one sequence, in the order rows are inserted).
     */
    public long highestIdBefore() {
        return idsBefore;
    }

    /** Queues one message; returns true when this call wrote a batch. */
    public boolean add(MessageRow row) throws SQLException {
        insertMessage.setObject(1, conversationId);
        if (row.author() == null) {
            insertMessage.setNull(2, Types.BIGINT);
        } else {
            insertMessage.setLong(2, participantId(row.author()));
        }
        insertMessage.setInt(3, row.sequence());
        insertMessage.setTimestamp(4, Timestamp.from(row.sentAt()));
        insertMessage.setObject(5, row.localTime());
        insertMessage.setString(6, row.kind());
        insertMessage.setString(7, row.body());
        insertMessage.setString(8, row.attachmentName());
        insertMessage.setBoolean(9, row.edited());
        insertMessage.setString(10, row.metadataJson());
        insertMessage.setObject(11, jobId);
        insertMessage.setLong(12, row.fingerprint());
        insertMessage.addBatch();
        read++;
        if (++pending >= BATCH) {
            flush();
            return true;
        }
        return false;
    }

    /** Writes what is queued, brings the participants' counts up to date, and commits. */
    public void finish() throws SQLException {
        flush();
        // One pass over the conversation's messages for all participants (message has no participant index).
        try (PreparedStatement recount = connection.prepareStatement("UPDATE participant p SET message_count = c.n"
                + " FROM (SELECT participant_id, COUNT(*) AS n FROM message WHERE conversation_id = ? GROUP BY participant_id) c"
                + " WHERE p.id = c.participant_id")) {
            recount.setObject(1, conversationId);
            recount.executeUpdate();
        }
        connection.commit();
    }

    /**
     * Removes what one import wrote (its messages, and participants left without any), so a failed
     * import leaves the conversation as it was.
     */
    public static void discard(Connection connection, UUID conversationId, UUID jobId) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement messages = connection.prepareStatement("DELETE FROM message WHERE import_job_id = ?");
                PreparedStatement orphans = connection.prepareStatement("DELETE FROM participant p WHERE p.conversation_id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM message m WHERE m.participant_id = p.id)")) {
            messages.setObject(1, jobId);
            messages.executeUpdate();
            orphans.setObject(1, conversationId);
            orphans.executeUpdate();
        }
        connection.commit();
    }

    /** Messages read from the export so far. */
    public int read() {
        return read;
    }

    /**
     * Of those, the ones the conversation did not hold yet: counted in the database, because batches
     * rewritten into multi-row INSERTs report no per-row counts.
     */
    public int added() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM message WHERE import_job_id = ?")) {
            count.setObject(1, jobId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    public int participantCount() {
        return participants.size();
    }

    /**
     * Writes the queued batch and commits it without waiting for the disk: the job only succeeds in a
     * later, synchronous commit, which flushes the write-ahead log up to itself and so every batch
     * before it. A crash before that loses at most an unfinished import's last batches.
     */
    private void flush() throws SQLException {
        if (pending > 0) {
            batchCommitsAsync.execute("SET LOCAL synchronous_commit TO OFF");
            insertMessage.executeBatch();
            markTouchedDays();
            connection.commit();
            pending = 0;
        }
    }

    /**
     * Marks the days this batch added messages to, for incremental analytics, in the batch's own
     * transaction (the analytics job never sees the messages without their marks). A merge's messages
     * that the conversation already held took ids but wrote no rows, so they mark nothing.
     */
    private void markTouchedDays() throws SQLException {
        long from = idsUpTo;
        try (ResultSet rows = lastId.executeQuery()) {
            rows.next();
            idsUpTo = rows.getLong(1);
        }
        markDays.setLong(1, from);
        markDays.setLong(2, idsUpTo);
        markDays.setObject(3, jobId);
        markDays.executeUpdate();
    }

    private void loadParticipants() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, display_name FROM participant WHERE conversation_id = ?")) {
            select.setObject(1, conversationId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    participants.put(rows.getString(2), rows.getLong(1));
                }
            }
        }
    }

    private long participantId(String name) throws SQLException {
        Long id = participants.get(name);
        if (id != null) {
            return id;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO participant (conversation_id, display_name, phone) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setObject(1, conversationId);
            insert.setString(2, name);
            insert.setString(3, phoneOf(name));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        participants.put(name, id);
        return id;
    }

    /**
     * Exports name contacts the exporter had not saved by their number ("+41 012 345 6789"): that
     * number, in E.164, links the participant to the person (their login, their privacy requests).
     */
    static String phoneOf(String author) {
        String digits = author.replaceAll("[\\s().\\-\u202A\u202C\u200E\u200F\u00A0]", "");
        return digits.matches("\\+[1-9][0-9]{7,14}") ? digits : null;
    }

    @Override
    public void close() throws SQLException {
        insertMessage.close();
        batchCommitsAsync.close();
        markDays.close();
        lastId.close();
    }
}
