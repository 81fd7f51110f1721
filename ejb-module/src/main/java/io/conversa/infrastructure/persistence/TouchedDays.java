package io.conversa.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Marks the days of a conversation whose messages an import added or changed, for incremental analytics (V14),
 * in the transaction that adds or changes them, so the analytics job never sees the messages without their marks.
 */
final class TouchedDays {

    private TouchedDays() {
    }

    /** The statement {@link #mark} runs; one per connection, prepared by the caller. */
    static PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.prepareStatement("INSERT INTO analytics_touched_day (conversation_id, day) VALUES (?, ?)");
    }

    static void mark(PreparedStatement markDays, UUID conversationId, Set<LocalDate> days) throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        for (LocalDate day : days) {
            markDays.setObject(1, conversationId);
            markDays.setObject(2, day);
            markDays.addBatch();
        }
        markDays.executeBatch();
    }
}
