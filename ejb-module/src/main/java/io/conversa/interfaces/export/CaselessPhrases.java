package io.conversa.interfaces.export;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of fixed phrases compared ignoring case, as {@link String#CASE_INSENSITIVE_ORDER} does. Texts
 * equal in that order have the same length and first and last characters that fold alike, so a text
 * is first looked up by its length, then by its first and last characters' folded values (64 bits of
 * each per length): a text whose length and ends no phrase has is ruled out by bit tests. Most message
 * texts are, which spares the case-insensitive comparisons on every message.
 */
final class CaselessPhrases {

    private final Set<String> phrases = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    /** By length: a bit for each folded first character (modulo 64) of the phrases of that length. */
    private final long[] initials;
    /** By length: the same for the last characters. */
    private final long[] finals;
    /** A bit for each phrase's last two characters, folded ({@link #endingBit}); all bits if a phrase is shorter. */
    private final long endings;

    CaselessPhrases(String... phrases) {
        this.phrases.addAll(List.of(phrases));
        int longest = Arrays.stream(phrases).mapToInt(String::length).max().orElse(0);
        initials = new long[longest + 1];
        finals = new long[longest + 1];
        long endingBits = 0;
        for (String phrase : phrases) {
            initials[phrase.length()] |= 1L << fold(phrase.charAt(0));
            finals[phrase.length()] |= 1L << fold(phrase.charAt(phrase.length() - 1));
            endingBits |= phrase.length() < 2 ? -1L : endingBit(phrase, phrase.length());
        }
        endings = endingBits;
    }

    /** The bit of the two characters before {@code end}, folded: texts equal ignoring case share it. */
    private static long endingBit(String text, int end) {
        return 1L << (fold(text.charAt(end - 2)) * 31 + fold(text.charAt(end - 1)));
    }

    /**
     * False when no phrase ends {@code text} (ignoring case), whatever precedes it: its last two characters
     * end none. Tells it without looking further back, where a phrase's start would have to be found first.
     */
    boolean mayEnd(String text) {
        return text.length() >= 2 && (endings & endingBit(text, text.length())) != 0;
    }

    /** The form in which two characters are equal exactly when the case-insensitive order finds them equal. */
    private static char fold(char c) {
        if (c < 0x80) {
            // ASCII, most texts' ends: only A-Z change, to a-z.
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    boolean contains(String text) {
        return containsRegion(text, 0, text.length());
    }

    /** Whether {@code text[start, end)} is one of the phrases; cut out only when its length and start fit one. */
    boolean containsRegion(String text, int start, int end) {
        int length = end - start;
        if (length <= 0 || length >= initials.length || initials[length] == 0) {
            return false;
        }
        return (initials[length] & 1L << fold(text.charAt(start))) != 0
                && (finals[length] & 1L << fold(text.charAt(end - 1))) != 0
                && phrases.contains(text.substring(start, end));
    }

    int longest() {
        return initials.length - 1;
    }
}
