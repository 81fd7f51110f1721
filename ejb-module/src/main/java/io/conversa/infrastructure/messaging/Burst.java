package io.conversa.infrastructure.messaging;

/**
 * The arrival rate of accepted webhooks, counted per second, and whether background processing should
 * hold off now: while the rate is at least {@code threshold} per second, for at most {@code holdNanos}
 * from the burst's start. A burst longer than that is processed while it lasts, so a flood never
 * starves the queue. Times are {@link System#nanoTime()} values, passed in so tests can set the clock.
 */
final class Burst {

    private static final long SECOND = 1_000_000_000L;

    private final int threshold;
    private final long holdNanos;
    private long second = Long.MIN_VALUE;
    private int count;
    private int previousCount;
    private long startedAt;
    private boolean bursting;

    Burst(int threshold, long holdNanos) {
        this.threshold = threshold;
        this.holdNanos = holdNanos;
    }

    synchronized void arrival(long now) {
        roll(now);
        count++;
        if (!bursting && threshold > 0 && count >= threshold) {
            bursting = true;
            startedAt = now;
        }
    }

    /** True while processing should wait: a burst is going on and has not yet lasted the hold time. */
    synchronized boolean holding(long now) {
        roll(now);
        if (bursting && Math.max(count, previousCount) < threshold) {
            bursting = false;
        }
        return bursting && now - startedAt < holdNanos;
    }

    /** Moves the counts on to the second {@code now} falls in; the previous second counts only if it was the one before. */
    private void roll(long now) {
        long current = Math.floorDiv(now, SECOND);
        if (current == second) {
            return;
        }
        previousCount = current == second + 1 ? count : 0;
        count = 0;
        second = current;
    }
}
