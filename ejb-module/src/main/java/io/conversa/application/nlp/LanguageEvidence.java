package io.conversa.application.nlp;

import java.util.HashMap;
import java.util.Map;

/**
 * What a conversation says about its languages: how many of its messages were found in each
 * language, overall and per author. The language step reads it as a prior, so a short "ok dale"
 * in a Spanish chat is read as Spanish and not as whatever the character n-grams suggest.
 */
public final class LanguageEvidence {

    private final Map<String, Integer> conversation = new HashMap<>();
    private final Map<Long, Map<String, Integer>> authors = new HashMap<>();
    private int total;

    public void add(Long author, String language, int count) {
        if (language == null || LanguageGuess.UNDETERMINED.equals(language) || count <= 0) {
            return;
        }
        conversation.merge(language, count, Integer::sum);
        total += count;
        if (author != null) {
            authors.computeIfAbsent(author, a -> new HashMap<>()).merge(language, count, Integer::sum);
        }
    }

    public int total() {
        return total;
    }

    /** Share of the conversation's messages in the language, 0 when nothing is known. */
    public double share(String language) {
        return total == 0 ? 0 : conversation.getOrDefault(language, 0) / (double) total;
    }

    public Map<String, Double> shares(Long author) {
        Map<String, Integer> counts = author == null ? null : authors.get(author);
        int n = counts == null ? 0 : counts.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> out = new HashMap<>();
        // The author's own history weighs as much as the conversation once it has a few messages.
        double authorWeight = n == 0 ? 0 : Math.min(0.5, n / 20.0);
        for (var e : conversation.entrySet()) {
            out.merge(e.getKey(), (1 - authorWeight) * e.getValue() / total, Double::sum);
        }
        if (n > 0) {
            for (var e : counts.entrySet()) {
                out.merge(e.getKey(), authorWeight * e.getValue() / n, Double::sum);
            }
        }
        return out;
    }

    public Map<String, Integer> counts() {
        return Map.copyOf(conversation);
    }
}
