package io.conversa.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Finds the messages of a merge's batch that the conversation holds in another version than this export's, which
 * their fingerprints cannot tell, since those cover the text and the file:
 * <ul>
 * <li>a media message stored from an export without media, where this export has its file: the same media
 * fingerprint ({@link MessageRow#mediaFingerprint()});</li>
 * <li>a message stored before its sender edited it, where this export has it marked edited: the same author's
 * message in the same place among their messages of the same minute ({@link MessageRow#place()}).</li>
 * </ul>
 * Such a message is taken out of the batch, and what this export says beyond the stored version (the file, the
 * edited text) is handed on as a {@link StoredRevision}. The other way round, a message written although the
 * conversation holds it edited in its place is an older version ({@link #deleteOlderThanStored}), from an export taken
 * before the edit and imported after one taken after it. Only messages of earlier imports count.
 */
final class StoredVersions implements AutoCloseable {

    private final Connection connection;
    private final UUID conversationId;
    private final UUID jobId;
    private final Consumer<StoredRevision> revisions;
    private final PreparedStatement storedMedia;
    private final PreparedStatement storedAtTimes;
    private final PreparedStatement deleteOlder;

    /** The place of a message: its time, its author, and how many of the author's messages of that time came before. */
    private record Place(Instant sentAt, long participant, int place) {
    }

    private record Stored(long id, long fingerprint, LocalDateTime localTime, boolean edited) {

        /** Whether it stands in {@code row}'s place, in another version: a match of the same wall time, not of its text. */
        boolean otherVersionOf(MessageRow row) {
            // The same wall time too: an import in another time zone would find other messages at the same instant.
            return fingerprint != row.fingerprint() && row.localTime().equals(localTime);
        }
    }

    StoredVersions(Connection connection, UUID conversationId, UUID jobId, Consumer<StoredRevision> revisions)
            throws SQLException {
        this.connection = connection;
        this.conversationId = conversationId;
        this.jobId = jobId;
        this.revisions = revisions;
        storedMedia = connection.prepareStatement("SELECT media_fingerprint, id, attachment_name FROM message"
                + " WHERE conversation_id = ? AND media_fingerprint = ANY (?) AND import_job_id IS DISTINCT FROM ?");
        // By id within a time and author: each import took its ids in its export's order.
        storedAtTimes = connection.prepareStatement("SELECT sent_at, participant_id, id, fingerprint, local_time, edited"
                + " FROM message"
                + " WHERE conversation_id = ? AND sent_at = ANY (?::timestamptz[]) AND participant_id IS NOT NULL"
                + " AND import_job_id IS DISTINCT FROM ? ORDER BY sent_at, participant_id, id");
        deleteOlder = connection.prepareStatement("DELETE FROM message WHERE id = ANY (?)");
    }

    /** The batch without the messages the conversation holds in another version. */
    QueuedBatch without(QueuedBatch batch) throws SQLException {
        boolean[] stored = new boolean[batch.rows().size()];
        boolean anyMedia = markStoredMedia(batch, stored);
        boolean anyEdited = markStoredBeforeEdit(batch, stored);
        return anyMedia || anyEdited ? batch.without(stored) : batch;
    }

    private boolean markStoredMedia(QueuedBatch batch, boolean[] stored) throws SQLException {
        List<MessageRow> rows = batch.rows();
        List<Long> media = new ArrayList<>();
        for (MessageRow row : rows) {
            if (row.mediaFingerprint() != null) {
                media.add(row.mediaFingerprint());
            }
        }
        if (media.isEmpty()) {
            return false;
        }
        Map<Long, Long> storedIds = new HashMap<>();
        Set<Long> storedWithFiles = new HashSet<>();
        storedMedia.setObject(1, conversationId);
        storedMedia.setArray(2, connection.createArrayOf("bigint", media.toArray()));
        storedMedia.setObject(3, jobId);
        try (ResultSet found = storedMedia.executeQuery()) {
            while (found.next()) {
                storedIds.put(found.getLong(1), found.getLong(2));
                if (found.getString(3) != null) {
                    storedWithFiles.add(found.getLong(1));
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            MessageRow row = rows.get(i);
            Long id = row.mediaFingerprint() == null ? null : storedIds.get(row.mediaFingerprint());
            if (id != null) {
                stored[i] = true;
                if (row.attachmentName() != null && !storedWithFiles.contains(row.mediaFingerprint())) {
                    revisions.accept(new StoredWithoutFile(id, row));
                }
            }
        }
        return !storedIds.isEmpty();
    }

    private boolean markStoredBeforeEdit(QueuedBatch batch, boolean[] stored) throws SQLException {
        boolean any = false;
        IntPredicate editedRows = i -> batch.rows().get(i).edited() && !stored[i];
        for (Map.Entry<Integer, Stored> inPlace : storedInPlaces(batch, editedRows).entrySet()) {
            MessageRow row = batch.rows().get(inPlace.getKey());
            if (inPlace.getValue().otherVersionOf(row)) {
                stored[inPlace.getKey()] = true;
                any = true;
                revisions.accept(new StoredBeforeEdit(inPlace.getValue().id(), row));
            }
        }
        return any;
    }

    /**
     * Deletes again, in the batch's transaction, the rows that {@code written} marks (this batch wrote them) that are
     * not marked edited while their place holds an edited version: they are older. Returns {@code written} without them.
     */
    IntPredicate deleteOlderThanStored(QueuedBatch batch, IntPredicate written) throws SQLException {
        Set<Integer> older = new HashSet<>();
        IntPredicate notEdited = i -> written.test(i) && !batch.rows().get(i).edited();
        for (Map.Entry<Integer, Stored> inPlace : storedInPlaces(batch, notEdited).entrySet()) {
            Stored stored = inPlace.getValue();
            if (stored.edited() && stored.otherVersionOf(batch.rows().get(inPlace.getKey()))) {
                older.add(inPlace.getKey());
            }
        }
        if (older.isEmpty()) {
            return written;
        }
        deleteOlder.setArray(1, connection.createArrayOf("bigint", older.stream().map(i -> batch.ids()[i]).toArray()));
        deleteOlder.executeUpdate();
        return i -> written.test(i) && !older.contains(i);
    }

    /** For the rows {@code asked} marks that have an author, the stored message in each one's place, where there is one. */
    private Map<Integer, Stored> storedInPlaces(QueuedBatch batch, IntPredicate asked) throws SQLException {
        List<MessageRow> rows = batch.rows();
        Set<String> times = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (batch.participants()[i] != null && asked.test(i)) {
                times.add(rows.get(i).sentAt().toString());
            }
        }
        Map<Integer, Stored> inPlaces = new HashMap<>();
        if (times.isEmpty()) {
            return inPlaces;
        }
        Map<Place, Stored> places = storedPlaces(times);
        for (int i = 0; i < rows.size(); i++) {
            if (batch.participants()[i] != null && asked.test(i)) {
                Stored stored = places.get(new Place(rows.get(i).sentAt(), batch.participants()[i], rows.get(i).place()));
                if (stored != null) {
                    inPlaces.put(i, stored);
                }
            }
        }
        return inPlaces;
    }

    /** The stored messages with an author at these instants (ISO-8601), by their place. */
    private Map<Place, Stored> storedPlaces(Set<String> times) throws SQLException {
        Map<Place, Stored> places = new HashMap<>();
        storedAtTimes.setObject(1, conversationId);
        storedAtTimes.setArray(2, connection.createArrayOf("text", times.toArray()));
        storedAtTimes.setObject(3, jobId);
        try (ResultSet found = storedAtTimes.executeQuery()) {
            Place last = null;
            while (found.next()) {
                Instant sentAt = found.getTimestamp(1).toInstant();
                long participant = found.getLong(2);
                boolean sameAuthorAndTime = last != null && last.sentAt().equals(sentAt) && last.participant() == participant;
                last = new Place(sentAt, participant, sameAuthorAndTime ? last.place() + 1 : 1);
                places.put(last, new Stored(found.getLong(3), found.getLong(4), found.getObject(5, LocalDateTime.class),
                        found.getBoolean(6)));
            }
        }
        return places;
    }

    @Override
    public void close() throws SQLException {
        storedMedia.close();
        storedAtTimes.close();
        deleteOlder.close();
    }
}
