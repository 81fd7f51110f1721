package io.conversa.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the webhook's answers fast during a burst. Meta waits for each answer and retries slow ones,
 * while storing, enriching and indexing a body can wait: it is already safe on the webhook queue.
 * On two cores the processing took the CPU the requests needed (p99 70 - 130 ms at 300 requests/s,
 * 16 ms with processing paused), so the webhook consumer and NLP (before each page) hold off while
 * webhooks arrive at {@code CONVERSA_WEBHOOK_BURST_RATE} per second or more (0 turns this off), for at
 * most {@code CONVERSA_WEBHOOK_BURST_HOLD_SECONDS} of a burst, and then drain the queue.
 */
@ApplicationScoped
public class BurstShield {

    private static final long PAUSE_MILLIS = 50;

    @Inject
    @ConfigProperty(name = "CONVERSA_WEBHOOK_BURST_RATE", defaultValue = "100")
    int rate;

    @Inject
    @ConfigProperty(name = "CONVERSA_WEBHOOK_BURST_HOLD_SECONDS", defaultValue = "60")
    int holdSeconds;

    private Burst burst;

    @PostConstruct
    void start() {
        burst = new Burst(rate, TimeUnit.SECONDS.toNanos(holdSeconds));
    }

    /** Counts one webhook body accepted onto the queue. */
    public void accepted() {
        burst.arrival(System.nanoTime());
    }

    /** Returns once no burst is going on, or once the current one has been held for the hold time. */
    public void awaitLull() {
        try {
            while (burst.holding(System.nanoTime())) {
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
