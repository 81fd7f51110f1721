package io.conversa.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A search as the caller asked it: the query and its filters, the order (relevance, or time with the
 * newest first), the page size and the cursor of the previous page. Absent filters do not filter.
 * {@code counts} asks for the exact total and the counts per conversation and participant: they visit
 * every match (142,601 for one common word over 1.5 M messages), so a page of hits does not pay for them unasked.
 */
public record SearchRequest(String query, List<UUID> conversations, List<Long> participants, Instant from, Instant to,
        List<String> types, List<String> languages, String sentiment, String order, Integer limit, String after,
        Boolean counts) {

    public boolean wantsCounts() {
        return Boolean.TRUE.equals(counts);
    }

    public static final int MAX_LIMIT = 100;

    public boolean byTime() {
        return "time".equalsIgnoreCase(order);
    }

    public int pageSize() {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("\"limit\" must be between 1 and " + MAX_LIMIT + ".");
        }
        return size;
    }

    public void validate() {
        if (order != null && !order.equalsIgnoreCase("time") && !order.equalsIgnoreCase("relevance")) {
            throw new InvalidRequestException("\"order\" is \"relevance\" (the default) or \"time\" (newest first).");
        }
        if (sentiment != null && Sentiment.of(sentiment) == null) {
            throw new InvalidRequestException("\"sentiment\" is one of positive, neutral, negative.");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("\"from\" is after \"to\".");
        }
        pageSize();
    }

    /** Sentiment bands over NLP's polarity (-1..1); messages not scored yet match none of them. */
    public enum Sentiment {
        POSITIVE(0.1f, 1f), NEUTRAL(-0.1f, 0.1f), NEGATIVE(-1f, -0.1f);

        public final float min;
        public final float max;

        Sentiment(float min, float max) {
            this.min = min;
            this.max = max;
        }

        public static Sentiment of(String name) {
            for (Sentiment s : values()) {
                if (s.name().equalsIgnoreCase(name)) {
                    return s;
                }
            }
            return null;
        }
    }
}
