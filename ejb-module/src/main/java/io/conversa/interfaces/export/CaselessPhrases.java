package io.conversa.interfaces.export;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of fixed phrases compared ignoring case, as {@link String#CASE_INSENSITIVE_ORDER} does. Texts
 * equal in that order have the same length and first characters that fold alike, so a text whose
 * length or first character no phrase has is ruled out by two bit tests; most message texts are,
 * which spares the case-insensitive comparisons on every message.
 */
final class CaselessPhrases {

    private final Set<String> phrases = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final BitSet lengths = new BitSet();
    private final BitSet initials = new BitSet();

    CaselessPhrases(String... phrases) {
        this.phrases.addAll(List.of(phrases));
        for (String phrase : phrases) {
            lengths.set(phrase.length());
            initials.set(fold(phrase.charAt(0)));
        }
    }

    /** The form in which two characters are equal exactly when the case-insensitive order finds them equal. */
    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    boolean contains(String text) {
        return containsRegion(text, 0, text.length());
    }

    /** Whether {@code text[start, end)} is one of the phrases; cut out only when its length and start fit one. */
    boolean containsRegion(String text, int start, int end) {
        return lengths.get(end - start) && initials.get(fold(text.charAt(start)))
                && phrases.contains(text.substring(start, end));
    }

    int longest() {
        return lengths.length() - 1;
    }
}
