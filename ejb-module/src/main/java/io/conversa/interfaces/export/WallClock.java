package io.conversa.interfaces.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Turns the wall times an export writes into instants in the conversation's zone. Exports carry no
 * offset, so around DST changes the policy is explicit: a time in a gap (which no clock showed) is
 * shifted forward by the gap's length; a time in an overlap (shown twice) takes the earlier offset,
 * i.e. the first of the two moments. Not thread-safe: one instance per stream.
 */
final class WallClock {

    private final ZoneRules rules;
    /** The last time converted and its instant: messages of the same minute share their wall time instance. */
    private LocalDateTime lastWallTime;
    private Instant lastInstant;

    WallClock(ZoneId zone) {
        this.rules = zone.getRules();
    }

    Instant toInstant(LocalDateTime wallTime) {
        // For a time in a gap or an overlap, ZoneRules.getOffset gives the offset before the transition:
        // in a gap that is the same instant as the time shifted forward by the gap; in an overlap it is
        // the earlier offset. One lookup, no allocation, the documented policy.
        if (wallTime != lastWallTime) {
            lastInstant = wallTime.toInstant(rules.getOffset(wallTime));
            lastWallTime = wallTime;
        }
        return lastInstant;
    }
}
