package io.conversa.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What NLP found in a conversation as a whole: how many of its messages are enriched, their
 * languages and emotions, its keywords and topics per period ("all" and months).
 */
public record ConversationInsights(long messages, long enriched, Map<String, Long> languages, Map<String, Long> emotions,
        Map<String, List<KeywordRow>> keywords, Map<String, List<TopicRow>> topics, Instant termsComputedAt) {

    public record KeywordRow(String phrase, int words, float score, int occurrences) {
    }

    public record TopicRow(int topic, float weight, List<String> terms) {
    }
}
