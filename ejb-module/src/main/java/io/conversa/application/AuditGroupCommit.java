package io.conversa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of audit lines. Every caller returns only once its line is committed, as before; but
 * the lines that arrive while one batch is being written are written together in the next one, by
 * whichever of their callers gets the writer's turn first. So concurrent API calls share a commit
 * (and a turn of the chain's lock) instead of queueing for one each, which made the audit trail
 * the ceiling of every endpoint's throughput.
 */
@ApplicationScoped
public class AuditGroupCommit {

    /** Bounds one transaction; a longer queue is written in several. */
    private static final int MAX_BATCH = 500;

    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock(true);

    @Inject
    AuditChain chain;

    /** Writes the line, with whatever else is waiting; throws if the batch holding it could not be written. */
    void write(AuditLine line) {
        Pending mine = new Pending(line);
        waiting.add(mine);
        writer.lock();
        try {
            while (!mine.done) {
                writeBatch();
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) {
            throw new IllegalStateException("The audit batch holding this line was not written", mine.failure);
        }
    }

    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        RuntimeException failure = null;
        try {
            chain.append(batch.stream().map(Pending::line).toList());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Pending p : batch) {
            p.failure = failure;
            p.done = true;
        }
    }

    /** A line and, once its batch was tried, whether it was written. Read and written under the writer's lock. */
    private static final class Pending {
        private final AuditLine line;
        private boolean done;
        private RuntimeException failure;

        Pending(AuditLine line) {
            this.line = line;
        }

        AuditLine line() {
            return line;
        }
    }
}
