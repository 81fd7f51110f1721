package io.conversa.infrastructure.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BurstTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    /** Sends {@code perSecond} arrivals, evenly spaced, through the second that starts at {@code from}. */
    private static void arrivals(Burst burst, long from, int perSecond) {
        for (int i = 0; i < perSecond; i++) {
            burst.arrival(from + i * (SECOND / perSecond));
        }
    }

    @Test
    void trafficUnderTheRateNeverHolds() {
        Burst burst = new Burst(100, 60 * SECOND);
        for (int s = 0; s < 10; s++) {
            arrivals(burst, s * SECOND, 99);
            assertFalse(burst.holding(s * SECOND + 999 * MS));
        }
    }

    @Test
    void aBurstHoldsFromItsThresholdUntilAQuietSecond() {
        Burst burst = new Burst(100, 60 * SECOND);
        burst.arrival(0);
        assertFalse(burst.holding(MS), "one arrival is no burst");
        for (int s = 1; s < 5; s++) {
            arrivals(burst, s * SECOND, 300);
            assertTrue(burst.holding(s * SECOND + 500 * MS), "second " + s);
        }
        assertTrue(burst.holding(5 * SECOND + 100 * MS), "the second after the burst still counts the burst's last");
        assertFalse(burst.holding(6 * SECOND + 100 * MS), "a whole quiet second ends it");
    }

    @Test
    void aFloodIsHeldOnlyForTheHoldTime() {
        Burst burst = new Burst(100, 3 * SECOND);
        for (int s = 0; s < 3; s++) {
            arrivals(burst, s * SECOND, 300);
            assertTrue(burst.holding(s * SECOND + 900 * MS));
        }
        arrivals(burst, 3 * SECOND, 300);
        assertFalse(burst.holding(3 * SECOND + 900 * MS), "past the hold time the queue drains while the flood lasts");
    }

    @Test
    void aNewBurstHoldsAgainAfterAQuietSpell() {
        Burst burst = new Burst(100, 2 * SECOND);
        arrivals(burst, 0, 300);
        arrivals(burst, SECOND, 300);
        arrivals(burst, 2 * SECOND, 300);
        assertFalse(burst.holding(2 * SECOND + 900 * MS));
        assertFalse(burst.holding(10 * SECOND));
        arrivals(burst, 11 * SECOND, 300);
        assertTrue(burst.holding(11 * SECOND + 900 * MS));
    }

    @Test
    void rateZeroTurnsItOff() {
        Burst burst = new Burst(0, 60 * SECOND);
        arrivals(burst, 0, 1000);
        assertFalse(burst.holding(500 * MS));
    }
}
