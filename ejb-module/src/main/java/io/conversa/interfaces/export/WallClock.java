package io.conversa.interfaces.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Turns the wall times an export writes into instants in the conversation's zone. Exports carry no
 * offset, so around DST changes the policy is explicit: a time in a gap (which no clock showed) is
 * shifted forward by the gap's length; a time in an overlap (shown twice) takes the earlier offset,
 * i.e. the first of the two moments. Not thread-safe: one instance per stream.
 */
final class WallClock {

    private static final long SECONDS_PER_DAY = 86_400;
    /**
     * How far from a day's midnight, read as UTC, a transition is looked for: the local day lies within
     * a day of it, as no offset exceeds 18 hours, so a transition two days off cannot touch it.
     */
    private static final long TRANSITION_MARGIN_SECONDS = 2 * SECONDS_PER_DAY;

    private final ZoneRules rules;
    /** The last time converted and its instant: messages of the same minute share their wall time instance. */
    private LocalDateTime lastWallTime;
    private Instant lastInstant;
    /** The date of the last time converted: messages of the same day share their date instance. */
    private LocalDate lastDate;
    /** The epoch second of that date's local midnight, or {@link Long#MIN_VALUE} when its offset changes in it. */
    private long lastDateStart;

    WallClock(ZoneId zone) {
        this.rules = zone.getRules();
    }

    Instant toInstant(LocalDateTime wallTime) {
        if (wallTime != lastWallTime) {
            lastInstant = convert(wallTime);
            lastWallTime = wallTime;
        }
        return lastInstant;
    }

    /**
     * A day without a transition has one offset, worked out once for all its messages; a chat has hundreds
     * a day, and looking up the offset and counting the days since 1970 for each cost a sizeable part of a
     * pass. Other days take the policy's own path.
     */
    private Instant convert(LocalDateTime wallTime) {
        LocalDate date = wallTime.toLocalDate();
        if (date != lastDate) {
            lastDate = date;
            lastDateStart = startWithoutTransition(date);
        }
        if (lastDateStart == Long.MIN_VALUE) {
            // For a time in a gap or an overlap, ZoneRules.getOffset gives the offset before the transition:
            // in a gap that is the same instant as the time shifted forward by the gap; in an overlap it is
            // the earlier offset. One lookup, no allocation, the documented policy.
            return wallTime.toInstant(rules.getOffset(wallTime));
        }
        return Instant.ofEpochSecond(lastDateStart + wallTime.toLocalTime().toSecondOfDay(), wallTime.getNano());
    }

    /** The epoch second at which {@code date} starts in the zone, or {@link Long#MIN_VALUE} if its offset changes near it. */
    private long startWithoutTransition(LocalDate date) {
        long midnightAsUtc = date.toEpochDay() * SECONDS_PER_DAY;
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(midnightAsUtc - TRANSITION_MARGIN_SECONDS));
        if (next != null && next.toEpochSecond() <= midnightAsUtc + TRANSITION_MARGIN_SECONDS) {
            return Long.MIN_VALUE;
        }
        return midnightAsUtc - rules.getOffset(Instant.ofEpochSecond(midnightAsUtc)).getTotalSeconds();
    }
}
