package io.conversa.application;

import io.conversa.domain.model.conversation.Message;
import io.conversa.infrastructure.index.BulkIndexing;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Indexes an import's messages while the importer is still writing them: a task on another thread
 * takes each batch the import's writers have committed, as the entities they built, and indexes it, so
 * the JVM's analysis and Lucene's writes run beside PostgreSQL's inserts instead of after them, and
 * no row is read back. At most {@link #QUEUED} batches wait for the task, so memory stays flat when
 * indexing falls behind: the importer waits instead. One instance per import.
 */
final class ImportIndexer {

    /** One batch being indexed and two waiting: enough to ride out a slow commit on either side. */
    static final int QUEUED = 2;
    /** Stands for "no more batches" in the queue (compared by identity). */
    private static final List<Message> END = List.of();

    private final MessageIndexing indexing;
    private final JobProgress progress;
    private final UUID jobId;
    private final BulkIndexing bulk = new BulkIndexing();
    private final BlockingQueue<List<Message>> batches = new ArrayBlockingQueue<>(QUEUED);
    private final Future<Long> task;
    private volatile boolean cancelled;

    ImportIndexer(ExecutorService executor, MessageIndexing indexing, JobProgress progress, UUID jobId) {
        this.indexing = indexing;
        this.progress = progress;
        this.jobId = jobId;
        this.task = executor.submit(this::follow);
    }

    /**
     * A writer of the import committed these messages (called on its thread). Waits while {@link #QUEUED}
     * batches wait already; fails at once if the task failed, which would otherwise leave the writer waiting for good.
     */
    void committed(List<Message> batch) throws InterruptedException {
        if (!batch.isEmpty()) {
            hand(batch);
        }
    }

    /**
     * The importer wrote and committed its last message: waits until the index holds them all,
     * committed and refreshed, and returns how many it indexed.
     */
    long finish() throws InterruptedException {
        hand(END);
        return outcome();
    }

    /** The import failed: stops at the next batch and waits for the task, so nothing is indexed afterwards. */
    void cancel() {
        cancelled = true;
        batches.clear();
        batches.offer(END);
        try {
            task.get();
        } catch (ExecutionException e) {
            // The import is being abandoned anyway; what it indexed is purged with its messages.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hand(List<Message> batch) throws InterruptedException {
        while (!batches.offer(batch, 1, TimeUnit.SECONDS)) {
            if (task.isDone()) {
                outcome(); // throws the task's failure, if that is why it stopped
                throw new IllegalStateException("The import's indexer stopped before the import ended");
            }
        }
    }

    private long outcome() throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Indexing the imported messages failed", e.getCause());
        }
    }

    private long follow() throws InterruptedException {
        long indexed = 0;
        while (true) {
            List<Message> batch = batches.take();
            if (cancelled) {
                return indexed;
            }
            if (batch == END) {
                indexing.finish(bulk, true);
                progress.indexed(jobId, (int) indexed);
                return indexed;
            }
            indexing.indexNew(batch, bulk);
            indexed += batch.size();
            progress.indexed(jobId, (int) indexed);
        }
    }
}
