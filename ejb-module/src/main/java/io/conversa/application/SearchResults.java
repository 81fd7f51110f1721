package io.conversa.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One page of search hits, with how many messages matched in all and how they spread over
 * conversations and participants, and the cursor of the next page (null on the last). Unless counts
 * were asked for, {@code total} is exact only up to {@link #EXACT_UP_TO} matches ({@code totalExact}
 * says whether it is; beyond, it is a lower bound) and the two count lists are null (not computed).
 */
public record SearchResults(String query, long total, boolean totalExact, List<Hit> hits, String next, List<Count> conversations,
        List<Count> participants) {

    /** Matches counted exactly when counts were not asked for; past it, Lucene skips what cannot reach the top. */
    public static final int EXACT_UP_TO = 1000;

    /** A matching message: its snippet has the matched words in {@code <mark>}, the rest HTML-escaped. */
    public record Hit(long messageId, UUID conversationId, String conversationTitle, Long participantId, String author,
            Instant sentAt, String kind, String snippet, String link, Float score) {
    }

    /** How many matches fall in one conversation or come from one participant. */
    public record Count(String id, String name, long count) {
    }
}
