package io.conversa.application;

import io.conversa.application.MessageIndexing.IndexedBatch;
import io.conversa.infrastructure.index.BulkIndexing;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Indexes an import's messages while the importer is still writing them: a task on another thread
 * follows the importer's commits and indexes each batch it finds committed, so the JVM's analysis
 * and Lucene's writes run beside PostgreSQL's inserts instead of after them. The importer's single
 * connection writes the job's messages in id order and commits them in that order, so everything
 * the task has not read yet has a higher id than what it has read: following "ids after the last
 * one read" misses nothing. One instance per import.
 */
final class ImportIndexer {

    private final MessageIndexing indexing;
    private final JobProgress progress;
    private final UUID conversationId;
    private final UUID jobId;
    private final BulkIndexing bulk = new BulkIndexing();
    private final Future<Long> task;
    private long commits;
    private boolean written;
    private boolean cancelled;

    /**
     * Starts following the import: its messages will all have ids above {@code after}, the highest id
     * the table held before the import wrote anything.
     */
    ImportIndexer(ExecutorService executor, MessageIndexing indexing, JobProgress progress, UUID conversationId,
            UUID jobId, long after) {
        this.indexing = indexing;
        this.progress = progress;
        this.conversationId = conversationId;
        this.jobId = jobId;
        this.task = executor.submit(() -> follow(after));
    }

    /** The importer committed another batch. */
    synchronized void committed() {
        commits++;
        notifyAll();
    }

    /**
     * The importer wrote and committed its last message: waits until the index holds them all,
     * committed and refreshed, and returns how many it indexed.
     */
    long finish() throws InterruptedException {
        synchronized (this) {
            written = true;
            notifyAll();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Indexing the imported messages failed", e.getCause());
        }
    }

    /** The import failed: stops at the next batch and waits for the task, so nothing is indexed afterwards. */
    void cancel() {
        synchronized (this) {
            cancelled = true;
            notifyAll();
        }
        try {
            task.get();
        } catch (ExecutionException e) {
            // The import is being abandoned anyway; what it indexed is purged with its messages.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long follow(long after) throws InterruptedException {
        long indexed = 0;
        long seenCommits = 0;
        int batches = 0;
        while (true) {
            boolean last;
            synchronized (this) {
                while (commits == seenCommits && !written && !cancelled) {
                    wait();
                }
                if (cancelled) {
                    return indexed;
                }
                seenCommits = commits;
                last = written;
            }
            // Everything committed when the wait ended; a read shorter than a batch has reached its end.
            IndexedBatch batch;
            do {
                batch = indexing.indexImported(conversationId, jobId, after, bulk);
                indexed += batch.indexed();
                after = batch.last();
                if (++batches % MessageIndexing.PROGRESS_EVERY == 0) {
                    progress.indexed(jobId, (int) indexed);
                }
            } while (batch.read() == MessageIndexing.BATCH && !isCancelled());
            if (last) {
                indexing.finish(bulk, true);
                progress.indexed(jobId, (int) indexed);
                return indexed;
            }
        }
    }

    private synchronized boolean isCancelled() {
        return cancelled;
    }
}
