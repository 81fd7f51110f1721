package it.io.conversa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * V17's checks of a message's conversation and author, which replaced two foreign keys: they refuse
 * what the keys refused, and hold against a conversation or participant removed while a writer's
 * transaction is open, as the keys' row locks did. Run against the test server's PostgreSQL.
 */
class MessageReferencesIT {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @Test
    void aMessageOfAConversationThatDoesNotExistIsRefused() throws Exception {
        try (Connection db = Api.database(false)) {
            assertThatThrownBy(() -> insertMessage(db, UUID.randomUUID(), null))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION))
                    .hasMessageContaining("conversation that does not exist");
        }
    }

    @Test
    void aMessageByAParticipantOfAnotherConversationOrOfNoneIsRefused() throws Exception {
        try (Connection db = Api.database(false)) {
            UUID ours = conversation(db);
            long theirs = participant(db, conversation(db), "Bea");
            for (long author : new long[] {theirs, Long.MAX_VALUE}) {
                assertThatThrownBy(() -> insertMessage(db, ours, author))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION))
                        .hasMessageContaining("participant that its conversation does not have");
            }
            assertThat(messages(db, ours)).isZero();
            insertMessage(db, ours, participant(db, ours, "Ana"));
            insertMessage(db, ours, null);
            assertThat(messages(db, ours)).isEqualTo(2);
        }
    }

    @Test
    void aMessageKeepsItsConversationAndAuthorButMayForgetTheAuthor() throws Exception {
        try (Connection db = Api.database(false)) {
            UUID conversation = conversation(db);
            long ana = participant(db, conversation, "Ana");
            long message = insertMessage(db, conversation, ana);
            long bea = participant(db, conversation, "Bea");
            assertThatThrownBy(() -> update(db, "UPDATE message SET participant_id = " + bea + " WHERE id = " + message))
                    .hasMessageContaining("conversation and author do not change");
            assertThatThrownBy(() -> update(db, "UPDATE message SET conversation_id = '" + conversation(db) + "' WHERE id = " + message))
                    .hasMessageContaining("conversation and author do not change");
            update(db, "UPDATE message SET participant_id = NULL, body = 'forgotten' WHERE id = " + message);
            assertThat(messages(db, conversation)).isEqualTo(1);
        }
    }

    @Test
    void removingAConversationRemovesItsMessagesAndParticipants() throws Exception {
        try (Connection db = Api.database(false)) {
            UUID conversation = conversation(db);
            UUID other = conversation(db);
            insertMessage(db, conversation, participant(db, conversation, "Ana"));
            insertMessage(db, conversation, null);
            insertMessage(db, other, participant(db, other, "Ana"));
            update(db, "DELETE FROM conversation WHERE id = '" + conversation + "'");
            assertThat(messages(db, conversation)).isZero();
            assertThat(participants(db, conversation)).isZero();
            assertThat(messages(db, other)).isEqualTo(1);
        }
    }

    @Test
    void anAuthorOfMessagesCannotBeRemovedButOneWithoutMessagesCan() throws Exception {
        try (Connection db = Api.database(false)) {
            UUID conversation = conversation(db);
            long ana = participant(db, conversation, "Ana");
            long bea = participant(db, conversation, "Bea");
            insertMessage(db, conversation, ana);
            assertThatThrownBy(() -> update(db, "DELETE FROM participant WHERE id IN (" + ana + ", " + bea + ")"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION))
                    .hasMessageContaining("participant that messages refer to");
            update(db, "DELETE FROM participant WHERE id = " + bea);
            assertThat(participants(db, conversation)).isEqualTo(1);
        }
    }

    @Test
    void aConversationRemovedWhileAWriterHoldsItWaitsAndThenTakesTheWritersMessagesAlong() throws Exception {
        try (Connection writer = Api.database(false); Connection remover = Api.database(false)) {
            UUID conversation = conversation(writer);
            writer.setAutoCommit(false);
            insertMessage(writer, conversation, participant(writer, conversation, "Ana"));
            CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> {
                try {
                    update(remover, "DELETE FROM conversation WHERE id = '" + conversation + "'");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(removal).as("the removal waits for the writer's key share").isNotDone();
            writer.commit();
            removal.get(10, TimeUnit.SECONDS);
            assertThat(messages(remover, conversation)).isZero();
        }
    }

    @Test
    void aWriterThatMeetsARemovalInProgressWaitsForItAndFailsWhenItCommits() throws Exception {
        try (Connection writer = Api.database(false); Connection remover = Api.database(false)) {
            UUID conversation = conversation(remover);
            long ana = participant(remover, conversation, "Ana");
            remover.setAutoCommit(false);
            update(remover, "DELETE FROM participant WHERE id = " + ana);
            CompletableFuture<Long> writing = CompletableFuture.supplyAsync(() -> {
                try {
                    return insertMessage(writer, conversation, ana);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(writing).as("the writer waits for the removal of its author").isNotDone();
            remover.commit();
            assertThatThrownBy(() -> writing.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().hasMessageContaining("participant that its conversation does not have");
            assertThat(messages(writer, conversation)).isZero();
        }
    }

    private static UUID conversation(Connection db) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO conversation (id, title, source, status, time_zone)"
                + " VALUES (?, 'References', 'EXPORT', 'READY', 'UTC')")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    private static long participant(Connection db, UUID conversation, String name) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO participant (conversation_id, display_name) VALUES (?, ?) RETURNING id")) {
            insert.setObject(1, conversation);
            insert.setString(2, name);
            return single(insert);
        }
    }

    private static long insertMessage(Connection db, UUID conversation, Long author) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO message (conversation_id, participant_id, sequence_no,"
                + " sent_at, kind, body) VALUES (?, ?, 0, now(), 'TEXT', 'hello') RETURNING id")) {
            insert.setObject(1, conversation);
            if (author == null) {
                insert.setNull(2, Types.BIGINT);
            } else {
                insert.setLong(2, author);
            }
            return single(insert);
        }
    }

    private static long messages(Connection db, UUID conversation) throws SQLException {
        return countIn(db, "message", conversation);
    }

    private static long participants(Connection db, UUID conversation) throws SQLException {
        return countIn(db, "participant", conversation);
    }

    private static long countIn(Connection db, String table, UUID conversation) throws SQLException {
        try (PreparedStatement count = db.prepareStatement("SELECT count(*) FROM " + table + " WHERE conversation_id = ?")) {
            count.setObject(1, conversation);
            return single(count);
        }
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void update(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
