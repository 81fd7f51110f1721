package io.conversa.interfaces.export;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of fixed phrases compared ignoring case. Texts equal ignoring case have the same length, so
 * a text whose length no phrase has is ruled out by one bit test; most message texts are, which
 * spares the case-insensitive comparisons on every message.
 */
final class CaselessPhrases {

    private final Set<String> phrases = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final BitSet lengths = new BitSet();

    CaselessPhrases(String... phrases) {
        this.phrases.addAll(List.of(phrases));
        for (String phrase : phrases) {
            lengths.set(phrase.length());
        }
    }

    boolean contains(String text) {
        return lengths.get(text.length()) && phrases.contains(text);
    }

    /** Whether {@code text[start, end)} is one of the phrases; cut out only when its length fits one. */
    boolean containsRegion(String text, int start, int end) {
        return lengths.get(end - start) && phrases.contains(text.substring(start, end));
    }

    int longest() {
        return lengths.length() - 1;
    }
}
