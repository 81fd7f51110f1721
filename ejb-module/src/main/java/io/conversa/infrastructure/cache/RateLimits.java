package io.conversa.infrastructure.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window counters in Redis, shared by every server: {@link #take} counts one event against
 * a limit per window and says how long to wait when the window is full.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    Redis redis;

    /** Zero when the event fits into the current window of {@code key}; otherwise the time until the window ends. */
    public Duration take(String key, int limit, Duration window) {
        long windowMillis = window.toMillis();
        long now = Instant.now().toEpochMilli();
        long windowStart = now - now % windowMillis;
        String counter = "rate:" + key + ":" + windowStart;
        long count = redis.client().incr(counter);
        if (count == 1) {
            redis.client().pexpire(counter, windowMillis * 2);
        }
        return count <= limit ? Duration.ZERO : Duration.ofMillis(windowStart + windowMillis - now);
    }
}
