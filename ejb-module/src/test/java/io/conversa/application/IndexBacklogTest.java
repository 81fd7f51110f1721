package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexBacklogTest {

    /** Stands in for the index: records each batch and takes a while, as an index commit does. */
    private static final class SlowIndex extends MessageIndexing {
        final List<List<Long>> batches = new CopyOnWriteArrayList<>();
        final AtomicInteger cacheDrops = new AtomicInteger();
        volatile boolean refuse;

        @Override
        public void indexNow(List<Long> messageIds) {
            if (refuse) {
                throw new IllegalStateException("index unavailable");
            }
            batches.add(List.copyOf(messageIds));
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void forgetCachedAnswers() {
            cacheDrops.incrementAndGet();
        }

        long indexed() {
            return batches.stream().mapToLong(List::size).sum();
        }
    }

    private final SlowIndex index = new SlowIndex();
    private final IndexBacklog backlog = new IndexBacklog();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    IndexBacklogTest() {
        backlog.indexing = index;
        backlog.executor = executor;
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aBurstIsIndexedInFewBatchesEachMessageOnceAndTheCacheDroppedAfterTheLast() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        LongStream.range(0, 2000).forEach(id -> senders.execute(() -> backlog.add(id)));
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        awaitIndexed(2000);

        assertThat(index.batches.stream().flatMap(List::stream)).hasSize(2000).doesNotHaveDuplicates();
        assertThat(index.batches.size()).as("batches for 2,000 messages").isLessThan(200);
        assertThat(index.batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(IndexBacklog.BATCH));
        // The drop comes after the batch that holds the last message.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (index.cacheDrops.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(index.cacheDrops.get()).isBetween(1, index.batches.size());
    }

    @Test
    void aFailedBatchDoesNotStopTheMessagesAfterIt() throws Exception {
        index.refuse = true;
        backlog.add(1);
        Thread.sleep(100);
        index.refuse = false;
        backlog.add(2);
        awaitIndexed(1);
        assertThat(index.batches).containsExactly(List.of(2L));
    }

    private void awaitIndexed(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (index.indexed() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(index.indexed()).isEqualTo(expected);
    }
}
