package io.conversa.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Messages stored one at a time (webhooks, edits) whose transaction has committed, waiting for the
 * search index. One task at a time indexes everything waiting, in batches, so a burst of webhooks
 * costs one index commit and one drop of the cached answers per batch instead of per message: the
 * work shrinks as the rate grows. The backlog is in memory, as the per-message tasks were: a crash
 * before a message's batch leaves it stored but not yet indexed, until it is indexed again (its
 * enrichment or a reindex).
 */
@ApplicationScoped
public class IndexBacklog {

    private static final Logger LOG = Logger.getLogger(IndexBacklog.class.getName());

    /** Bounds the entities one batch's transaction loads. */
    static final int BATCH = 500;

    private final Queue<Long> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    @Inject
    MessageIndexing indexing;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    /** Indexes the message soon, with whatever else is waiting; cached search answers are dropped after. */
    public void add(long messageId) {
        waiting.add(messageId);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        do {
            try {
                for (List<Long> batch = next(); !batch.isEmpty(); batch = next()) {
                    index(batch);
                }
                indexing.forgetCachedAnswers();
            } finally {
                draining.set(false);
            }
            // A message added after the last poll but before draining was cleared found a drain running.
        } while (!waiting.isEmpty() && draining.compareAndSet(false, true));
    }

    private List<Long> next() {
        List<Long> batch = new ArrayList<>();
        Long id;
        while (batch.size() < BATCH && (id = waiting.poll()) != null) {
            batch.add(id);
        }
        return batch;
    }

    private void index(List<Long> batch) {
        try {
            indexing.indexNow(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not index " + batch.size() + " stored messages; a reindex will add them", e);
        }
    }
}
