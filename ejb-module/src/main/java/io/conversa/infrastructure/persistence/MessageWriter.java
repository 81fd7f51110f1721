package io.conversa.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one conversation's participants and messages with JDBC batches, committing every
 * {@link #BATCH} messages so memory and transaction size stay flat however long the chat is.
 */
public final class MessageWriter implements AutoCloseable {

    public static final int BATCH = 1000;

    private final Connection connection;
    private final UUID conversationId;
    private final PreparedStatement insertMessage;
    private final Map<String, Long> participants = new HashMap<>();
    private final Map<Long, Integer> messagesPerParticipant = new HashMap<>();
    private int pending;
    private int written;

    public MessageWriter(Connection connection, UUID conversationId) throws SQLException {
        this.connection = connection;
        this.conversationId = conversationId;
        connection.setAutoCommit(false);
        insertMessage = connection.prepareStatement(
                "INSERT INTO message (conversation_id, participant_id, sequence_no, sent_at, local_time, kind, body,"
                        + " attachment_name, edited, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)");
    }

    /** Queues one message; returns true when this call flushed a batch. */
    public boolean add(String author, int sequence, Instant sentAt, LocalDateTime localTime, String kind,
            String body, String attachmentName, boolean edited, String metadataJson) throws SQLException {
        Long participant = author == null ? null : participantId(author);
        insertMessage.setObject(1, conversationId);
        if (participant == null) {
            insertMessage.setNull(2, Types.BIGINT);
        } else {
            insertMessage.setLong(2, participant);
            messagesPerParticipant.merge(participant, 1, Integer::sum);
        }
        insertMessage.setInt(3, sequence);
        insertMessage.setTimestamp(4, Timestamp.from(sentAt));
        insertMessage.setObject(5, localTime);
        insertMessage.setString(6, kind);
        insertMessage.setString(7, body);
        insertMessage.setString(8, attachmentName);
        insertMessage.setBoolean(9, edited);
        insertMessage.setString(10, metadataJson);
        insertMessage.addBatch();
        written++;
        if (++pending >= BATCH) {
            flush();
            return true;
        }
        return false;
    }

    /** Writes what is queued and the participants' counts, and commits. */
    public void finish() throws SQLException {
        flush();
        try (PreparedStatement update = connection.prepareStatement("UPDATE participant SET message_count = ? WHERE id = ?")) {
            for (var entry : messagesPerParticipant.entrySet()) {
                update.setInt(1, entry.getValue());
                update.setLong(2, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        connection.commit();
    }

    /** Removes everything written for the conversation, so a failed import leaves nothing behind. */
    public static void discard(Connection connection, UUID conversationId) throws SQLException {
        connection.setAutoCommit(false);
        for (String table : new String[] {"message", "participant"}) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE conversation_id = ?")) {
                delete.setObject(1, conversationId);
                delete.executeUpdate();
            }
        }
        connection.commit();
    }

    public int written() {
        return written;
    }

    public int participantCount() {
        return participants.size();
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insertMessage.executeBatch();
            connection.commit();
            pending = 0;
        }
    }

    private Long participantId(String name) throws SQLException {
        Long id = participants.get(name);
        if (id != null) {
            return id;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO participant (conversation_id, display_name) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setObject(1, conversationId);
            insert.setString(2, name);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        participants.put(name, id);
        return id;
    }

    @Override
    public void close() throws SQLException {
        insertMessage.close();
    }
}
