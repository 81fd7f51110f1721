package io.conversa.infrastructure.persistence;

import io.conversa.domain.model.conversation.Message;
import io.conversa.domain.model.conversation.MessageKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an import's participants and messages with JDBC batches, committing every {@link #BATCH}
 * messages so memory and transaction size stay flat however long the chat is. A message whose
 * fingerprint the conversation already holds is skipped, which makes re-imports add only what is new.
 * Each batch marks the days it added messages to for incremental analytics (V14), and is kept as
 * entities ({@link #lastBatch()}) for the search index, which then need not read the rows back.
 */
public final class MessageWriter implements AutoCloseable {

    public static final int BATCH = 5000;

    private final Connection connection;
    private final UUID conversationId;
    private final UUID jobId;
    private final PreparedStatement insertMessage;
    private final Statement batchCommitsAsync;
    private final PreparedStatement markDays;
    private final PreparedStatement takeIds;
    private final PreparedStatement writtenIds;
    private final Map<String, Long> participants = new HashMap<>();
    /** The ids taken from the sequence for the batch being queued, in increasing order. */
    private final long[] ids = new long[BATCH];
    private List<Message> queued = new ArrayList<>(BATCH);
    private List<Message> lastBatch = List.of();
    private int pending;
    private int read;
    private int added;

    public MessageWriter(Connection connection, UUID conversationId, UUID jobId) throws SQLException {
        this.connection = connection;
        this.conversationId = conversationId;
        this.jobId = jobId;
        connection.setAutoCommit(false);
        loadParticipants();
        insertMessage = connection.prepareStatement(
                "INSERT INTO message (id, conversation_id, participant_id, sequence_no, sent_at, local_time, kind, body,"
                        + " attachment_name, edited, metadata, import_job_id, fingerprint)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                        + " ON CONFLICT (conversation_id, fingerprint) DO NOTHING");
        // A batch's ids are taken before its rows are sent, so the batch knows them without RETURNING
        // (which would stop the driver rewriting the batch into multi-row INSERTs).
        takeIds = connection.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('message', 'id')) FROM generate_series(1, " + BATCH + ")");
        writtenIds = connection.prepareStatement("SELECT id FROM message WHERE id BETWEEN ? AND ? AND import_job_id = ?");
        batchCommitsAsync = connection.createStatement();
        markDays = connection.prepareStatement("INSERT INTO analytics_touched_day (conversation_id, day) VALUES (?, ?)");
    }

    /** Queues one message; returns true when this call wrote a batch. */
    public boolean add(MessageRow row) throws SQLException {
        if (pending == 0) {
            takeIds();
        }
        long id = ids[pending];
        Long participant = row.author() == null ? null : participantId(row.author());
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
        insertMessage.addBatch();
        queued.add(Message.imported(id, conversationId, participant, row.sequence(), row.sentAt(), row.localTime(),
                MessageKind.valueOf(row.kind()), row.body(), row.attachmentName(), row.edited(), jobId));
        read++;
        if (++pending >= BATCH) {
            flush();
            return true;
        }
        return false;
    }

    /**
     * The messages the last committed batch wrote (not those a merge skipped), as entities: what the
     * index needs of them, without reading their rows back.
     */
    public List<Message> lastBatch() {
        return lastBatch;
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

    /** Of those, the ones the conversation did not hold yet. */
    public int added() {
        return added;
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
        lastBatch = List.of();
        if (pending > 0) {
            batchCommitsAsync.execute("SET LOCAL synchronous_commit TO OFF");
            insertMessage.executeBatch();
            lastBatch = written(ids[0], ids[pending - 1]);
            markTouchedDays(lastBatch);
            connection.commit();
            added += lastBatch.size();
            pending = 0;
            queued = new ArrayList<>(BATCH);
        }
    }

    private void takeIds() throws SQLException {
        try (ResultSet rows = takeIds.executeQuery()) {
            for (int i = 0; rows.next(); i++) {
                ids[i] = rows.getLong(1);
            }
        }
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
            if (days.add(m.localTime().toLocalDate())) {
                markDays.setObject(1, conversationId);
                markDays.setObject(2, m.localTime().toLocalDate());
                markDays.addBatch();
            }
        }
        if (!days.isEmpty()) {
            markDays.executeBatch();
        }
    }

    /** The queued messages whose rows the batch wrote: all of them, but for those a merge found stored. */
    private List<Message> written(long first, long last) throws SQLException {
        Set<Long> stored = new HashSet<>();
        writtenIds.setLong(1, first);
        writtenIds.setLong(2, last);
        writtenIds.setObject(3, jobId);
        try (ResultSet rows = writtenIds.executeQuery()) {
            while (rows.next()) {
                stored.add(rows.getLong(1));
            }
        }
        return stored.size() == queued.size() ? queued : queued.stream().filter(m -> stored.contains(m.id())).toList();
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
        takeIds.close();
        writtenIds.close();
    }
}
