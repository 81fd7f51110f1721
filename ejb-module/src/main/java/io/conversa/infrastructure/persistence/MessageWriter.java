package io.conversa.infrastructure.persistence;

import io.conversa.domain.model.conversation.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Writes an import's participants and messages. The importer's thread gives each message its id and
 * participant and queues it; every {@link #BATCH} messages go to one of {@link #LANES} batch writers,
 * each a task with a connection of its own that inserts and commits whole batches (see
 * {@link BatchWriter}). One connection inserting is the import's slowest step: PostgreSQL spends
 * about 20 µs of one core per row (four indexes) even by COPY, and a backend works on one core, so two
 * write side by side. Memory stays flat: at most one batch waits for a free writer, and
 * the importer waits while it does. Each committed batch is handed to {@link Committed} on the
 * writer's thread, for the search index, which then need not read the rows back.
 */
public final class MessageWriter implements AutoCloseable {

    public static final int BATCH = 5000;
    /** Batch writers side by side: one per core of the machines Conversa is measured on. */
    static final int LANES = 2;

    /** Told of each committed batch, on the thread that wrote it. */
    @FunctionalInterface
    public interface Committed {
        /** @param written the batch's messages that the conversation did not hold yet, as entities */
        void batch(List<Message> written) throws InterruptedException;
    }

    /** How long a batch writer waits for a batch before it looks whether the import has ended. */
    private static final long WAIT_MILLIS = 100;

    private final Connection connection;
    private final UUID conversationId;
    private final PreparedStatement takeIds;
    private final Map<String, Long> participants = new HashMap<>();
    private final BlockingQueue<QueuedBatch> batches = new ArrayBlockingQueue<>(LANES);
    private final List<Future<?>> lanes = new ArrayList<>(LANES);
    private final AtomicInteger added = new AtomicInteger();
    private final AtomicInteger settled = new AtomicInteger();
    /** Found by the batch writers in a merge; at most one per message of the export that the conversation held. */
    private final Queue<StoredRevision> revisions = new ConcurrentLinkedQueue<>();
    /** The importer handed its last batch: the writers end once the queue is empty. */
    private volatile boolean handedAll;
    /** The import ends without its remaining batches: the writers end after the one they write. */
    private volatile boolean stopping;
    private boolean finished;
    private long[] ids;
    private Long[] authors;
    private List<MessageRow> queued;
    private int read;

    /**
     * @param connection the importer's own connection: participants, ids, and the final counts
     * @param writers    where the batch writers take their connections
     * @param executor   where they run
     */
    public MessageWriter(Connection connection, DataSource writers, ExecutorService executor, UUID conversationId,
            UUID jobId, Committed committed) throws SQLException {
        this.connection = connection;
        this.conversationId = conversationId;
        connection.setAutoCommit(false);
        loadParticipants();
        // The messages StoredVersions looks for have an author, a participant of their conversation: without any,
        // none is stored.
        boolean merging = !participants.isEmpty();
        // A batch's ids are taken before its rows are sent, so the batch knows them without reading
        // them back. The sequence is named by a literal, which PostgreSQL resolves once as it parses the
        // statement: pg_get_serial_sequence in its place ran once per id, a catalog lookup of some 20 µs,
        // and took 100 ms of each batch on the importer's thread.
        takeIds = connection.prepareStatement("SELECT nextval('" + messageIdSequence().replace("'", "''")
                + "') FROM generate_series(1, " + BATCH + ")");
        for (int i = 0; i < LANES; i++) {
            lanes.add(executor.submit(() -> writeBatches(writers, jobId, merging, committed)));
        }
        startBatch();
    }

    /** Queues one message; returns true when this call handed a batch to the writers. */
    public boolean add(MessageRow row) throws SQLException, InterruptedException {
        int index = queued.size();
        if (index == 0) {
            takeIds();
        }
        authors[index] = row.author() == null ? null : participantId(row.author());
        queued.add(row);
        read++;
        if (queued.size() == BATCH) {
            hand(new QueuedBatch(ids, authors, queued));
            startBatch();
            return true;
        }
        return false;
    }

    /**
     * Writes what is queued, waits until every batch is committed, brings the participants' counts up
     * to date, and commits.
     */
    public void finish() throws SQLException, InterruptedException {
        if (!queued.isEmpty()) {
            hand(new QueuedBatch(ids, authors, queued));
        }
        handedAll = true;
        for (Future<?> lane : lanes) {
            outcome(lane);
        }
        finished = true;
        recountParticipants(connection, conversationId);
        connection.commit();
    }

    /** What {@link #reviseStoredMessages} changed: the ids of the stored messages given their files, and of those edited. */
    public record Revised(List<Long> givenFiles, List<Long> edited) {

        public List<Long> all() {
            List<Long> all = new ArrayList<>(givenFiles);
            all.addAll(edited);
            return all;
        }
    }

    /**
     * Writes what this export says beyond the stored versions of messages it holds: a media message's kind and
     * file name; an edited message's text and edited mark, keeping the text it had first as
     * {@code textBeforeEdit} in its metadata, to be enriched again. Either takes this export's fingerprint, so
     * that importing it again finds it, and marks its day for analytics. Runs after {@link #finish()} on the
     * importer's connection and leaves the changes uncommitted: the caller commits them with the media files the
     * names link to, or rolls them back with them.
     */
    public Revised reviseStoredMessages() throws SQLException {
        List<StoredWithoutFile> withoutFiles = new ArrayList<>();
        List<StoredBeforeEdit> beforeEdits = new ArrayList<>();
        for (StoredRevision revision : revisions) {
            if (revision instanceof StoredWithoutFile withoutFile) {
                withoutFiles.add(withoutFile);
            } else if (revision instanceof StoredBeforeEdit beforeEdit) {
                beforeEdits.add(beforeEdit);
            }
        }
        Set<LocalDate> days = new HashSet<>();
        try {
            List<Long> givenFiles = revise(withoutFiles, "kind = ?, attachment_name = ?", (update, message) -> {
                update.setString(1, message.kind());
                update.setString(2, message.attachmentName());
                return 2;
            }, days);
            // In an UPDATE every expression reads the row as it was: the metadata keeps the text before this edit.
            List<Long> edited = revise(beforeEdits, "metadata = COALESCE(metadata, '{}'::jsonb) || jsonb_build_object("
                    + "'textBeforeEdit', COALESCE(metadata ->> 'textBeforeEdit', body)), body = ?, edited = TRUE,"
                    + " enriched_at = NULL", (update, message) -> {
                        update.setString(1, message.editedText());
                        return 1;
                    }, days);
            markDays(days);
            return new Revised(givenFiles, edited);
        } catch (SQLException e) {
            // The import fails: the undo that follows may get this very connection from the pool and commit it.
            connection.rollback();
            throw e;
        }
    }

    /** Binds a revision's own values to the first parameters of its UPDATE; returns how many. */
    @FunctionalInterface
    private interface RevisionBinder<R extends StoredRevision> {
        int bind(PreparedStatement update, R revision) throws SQLException;
    }

    /**
     * Sets {@code changes} and this export's fingerprint on each stored message, unless the conversation holds a
     * message under that fingerprint already (an earlier import of a third export, say), which the unique
     * fingerprint would refuse. Returns the ids changed and adds their days to {@code days}.
     */
    private <R extends StoredRevision> List<Long> revise(List<R> revisions, String changes, RevisionBinder<R> binder,
            Set<LocalDate> days) throws SQLException {
        List<Long> changed = new ArrayList<>();
        if (revisions.isEmpty()) {
            return changed;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE message SET " + changes + ", fingerprint = ?"
                + " WHERE id = ? AND NOT EXISTS (SELECT 1 FROM message o WHERE o.conversation_id = ? AND o.fingerprint = ?)")) {
            for (R revision : revisions) {
                int bound = binder.bind(update, revision);
                update.setLong(bound + 1, revision.fingerprint());
                update.setLong(bound + 2, revision.storedId());
                update.setObject(bound + 3, conversationId);
                update.setLong(bound + 4, revision.fingerprint());
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 1) {
                    changed.add(revisions.get(i).storedId());
                    days.add(revisions.get(i).day());
                }
            }
        }
        return changed;
    }

    private void markDays(Set<LocalDate> days) throws SQLException {
        try (PreparedStatement markDays = TouchedDays.prepare(connection)) {
            TouchedDays.mark(markDays, conversationId, days);
        }
    }

    /** One pass over the conversation's messages for all its participants (message has no participant index). */
    private static void recountParticipants(Connection connection, UUID conversationId) throws SQLException {
        try (PreparedStatement recount = connection.prepareStatement("UPDATE participant p SET message_count = c.n"
                + " FROM (SELECT participant_id, COUNT(*) AS n FROM message WHERE conversation_id = ? GROUP BY participant_id) c"
                + " WHERE p.id = c.participant_id")) {
            recount.setObject(1, conversationId);
            recount.executeUpdate();
        }
    }

    /**
     * Removes what one import wrote (its messages, and participants left without any) and recounts the
     * other participants' messages, so a failed import leaves the conversation as it was. All look in the
     * conversation only (its time index): a message's author is a participant of its own conversation (V17).
     */
    public static void discard(Connection connection, UUID conversationId, UUID jobId) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement messages = connection.prepareStatement(
                        "DELETE FROM message WHERE conversation_id = ? AND import_job_id = ?");
                PreparedStatement orphans = connection.prepareStatement("DELETE FROM participant p WHERE p.conversation_id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = p.conversation_id"
                        + " AND m.participant_id = p.id)")) {
            messages.setObject(1, conversationId);
            messages.setObject(2, jobId);
            messages.executeUpdate();
            orphans.setObject(1, conversationId);
            orphans.executeUpdate();
        }
        // The counts may include the removed messages: the import recounted them before it failed (a merge
        // that failed storing media, say).
        recountParticipants(connection, conversationId);
        connection.commit();
    }

    /** Messages read from the export so far. */
    public int read() {
        return read;
    }

    /** Messages of the batches committed so far: each one either added or found already stored. */
    public int settled() {
        return settled.get();
    }

    /** Of those, the ones the conversation did not hold yet. */
    public int added() {
        return added.get();
    }

    public int participantCount() {
        return participants.size();
    }

    private void startBatch() {
        ids = new long[BATCH];
        authors = new Long[BATCH];
        queued = new ArrayList<>(BATCH);
    }

    private void takeIds() throws SQLException {
        try (ResultSet rows = takeIds.executeQuery()) {
            for (int i = 0; rows.next(); i++) {
                ids[i] = rows.getLong(1);
            }
        }
    }

    /**
     * Waits for room in the queue; fails at once if a writer failed, which would otherwise leave the
     * importer waiting for good once the others are busy.
     */
    private void hand(QueuedBatch batch) throws InterruptedException {
        do {
            for (Future<?> lane : lanes) {
                if (lane.isDone()) {
                    outcome(lane); // throws the writer's failure, if that is why it stopped
                    throw new IllegalStateException("A batch writer of the import stopped before the import ended");
                }
            }
        } while (!batches.offer(batch, 1, TimeUnit.SECONDS));
    }

    private static void outcome(Future<?> lane) throws InterruptedException {
        try {
            lane.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Writing the imported messages failed", e.getCause());
        }
    }

    /** One batch writer: takes batches until the importer has handed its last, or stops without them. */
    private Void writeBatches(DataSource writers, UUID jobId, boolean merging, Committed committed)
            throws SQLException, InterruptedException {
        try (Connection own = writers.getConnection();
                BatchWriter writer = new BatchWriter(own, conversationId, jobId, merging, revisions::add)) {
            try {
                while (!stopping) {
                    // Read before the queue: once it is true, every batch is in the queue already.
                    boolean noneToCome = handedAll;
                    QueuedBatch batch = batches.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                    if (batch == null) {
                        if (noneToCome) {
                            break;
                        }
                        continue;
                    }
                    List<Message> written = writer.write(batch);
                    added.addAndGet(written.size());
                    settled.addAndGet(batch.rows().size());
                    committed.batch(written);
                }
            } catch (SQLException | RuntimeException | InterruptedException e) {
                try {
                    writer.abandon();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
        return null;
    }

    private String messageIdSequence() throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet name = query.executeQuery("SELECT pg_get_serial_sequence('message', 'id')")) {
            name.next();
            return name.getString(1);
        }
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
        // Committed at once, or the writers' checks of a message's author (V17) would not find it. A failed import's
        // participants without messages go with its messages (discard).
        connection.commit();
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

    /**
     * Stops the batch writers if the import ends without {@link #finish()}, and waits for them: what
     * they wrote is then complete, for the caller to remove.
     */
    @Override
    public void close() throws SQLException {
        if (!finished) {
            stopping = true;
            batches.clear();
            for (Future<?> lane : lanes) {
                try {
                    lane.get();
                } catch (ExecutionException e) {
                    // The import is being abandoned anyway, for this failure or an earlier one.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        takeIds.close();
    }
}
