package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuditGroupCommitTest {

    /** Stands in for the database: records each batch and takes a while, as a commit does. */
    private static final class SlowChain extends AuditChain {
        final List<List<AuditLine>> batches = new CopyOnWriteArrayList<>();
        volatile String refuse;

        @Override
        public void append(List<AuditLine> lines) {
            if (lines.stream().anyMatch(l -> l.action().equals(refuse))) {
                throw new IllegalStateException("database refused");
            }
            batches.add(List.copyOf(lines));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final SlowChain chain = new SlowChain();
    private final AuditGroupCommit commit = new AuditGroupCommit();

    AuditGroupCommitTest() {
        commit.chain = chain;
    }

    @Test
    void concurrentCallersShareCommitsAndEveryLineIsWrittenOnceBeforeItsCallerReturns() throws Exception {
        int callers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            AuditLine line = line("call " + i);
            answers.add(pool.submit(() -> {
                start.await();
                commit.write(line);
                // When write returns, the caller's own line must already be in a written batch.
                return chain.batches.stream().anyMatch(b -> b.contains(line));
            }));
        }
        start.countDown();
        for (Future<Boolean> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
        }
        pool.shutdown();

        List<String> written = chain.batches.stream().flatMap(List::stream).map(AuditLine::action).toList();
        assertThat(written).hasSize(callers).doesNotHaveDuplicates();
        assertThat(chain.batches.size()).as("commits for %d concurrent lines", callers).isLessThan(callers / 2);
    }

    @Test
    void aFailedBatchFailsItsCallersAndTheNextLinesStillGetWritten() {
        chain.refuse = "refused";
        assertThatThrownBy(() -> commit.write(line("refused"))).isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("database refused");

        commit.write(line("after"));
        assertThat(chain.batches).containsExactly(List.of(line("after")));
    }

    private static AuditLine line(String action) {
        return new AuditLine(Instant.EPOCH, "alice", "admin", action, null, "200", "127.0.0.1");
    }
}
