package io.conversa.infrastructure.index;

import jakarta.persistence.EntityManager;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;

/**
 * How one bulk write (an import's messages, a page of NLP results) hands its batches to the index:
 * neither committed nor refreshed per batch, and not waited for at once, so that the next batch is
 * read from the database while the index writer analyses this one. At most {@link #IN_FLIGHT}
 * batches wait at a time (memory stays bounded whatever the import's size); {@link #awaitAll()}
 * waits for the rest and reports the first failure. Committing and refreshing once at the end is
 * the caller's (the index workspace's flush and refresh). One instance per bulk write, one thread.
 */
public final class BulkIndexing implements IndexingPlanSynchronizationStrategy {

    /** Two batches: one being indexed, one queued behind it; more only holds more documents in memory. */
    static final int IN_FLIGHT = 2;

    /** Indexing plans' futures (their reports) and batches of plain additions' ({@link NewDocuments}). */
    private final Deque<CompletableFuture<?>> pending = new ArrayDeque<>();

    @Override
    public void apply(IndexingPlanSynchronizationStrategyConfigurationContext context) {
        context.documentCommitStrategy(DocumentCommitStrategy.NONE);
        context.documentRefreshStrategy(DocumentRefreshStrategy.NONE);
        context.indexingFutureHandler(this::submitted);
    }

    /**
     * Adds entities the index cannot hold yet (see {@link NewDocuments}) as one more batch of this
     * bulk write, neither committed nor refreshed.
     */
    public void addNew(EntityManager em, List<?> entities) {
        submitted(NewDocuments.add(em, entities));
    }

    private void submitted(CompletableFuture<?> future) {
        pending.addLast(future);
        while (pending.size() > IN_FLIGHT) {
            await(pending.removeFirst());
        }
    }

    /** Waits until every batch handed over so far is in the index writer; throws the first failure. */
    public void awaitAll() {
        while (!pending.isEmpty()) {
            await(pending.removeFirst());
        }
    }

    private static void await(CompletableFuture<?> future) {
        Object outcome;
        try {
            outcome = future.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Indexing a batch of messages failed", e.getCause());
        }
        if (outcome instanceof SearchIndexingPlanExecutionReport report) {
            report.throwable().ifPresent(t -> {
                throw new IllegalStateException("Indexing failed for " + report.failingEntities().size() + " messages", t);
            });
        }
    }
}
