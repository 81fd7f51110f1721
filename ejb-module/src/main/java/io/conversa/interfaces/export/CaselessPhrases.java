package io.conversa.interfaces.export;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A set of fixed phrases compared ignoring case, as {@link String#CASE_INSENSITIVE_ORDER} does. Texts
 * equal in that order have the same length and first and last characters that fold alike, so a text
 * is first looked up by its length, then by its first and last characters' folded values (64 bits of
 * each per length): a text whose length and ends no phrase has is ruled out by bit tests. Most message
 * texts are, which spares the case-insensitive comparisons on every message.
 */
final class CaselessPhrases {

    private static final int ENDING_WORDS = 16;
    /** A bit's index in {@link #endings} is its word's index times 64, plus its place in the word. */
    private static final int WORD_BITS = 6;

    /**
     * {@link #fold} for every {@code char}, worked out once: the texts' ends are folded for every message, and
     * {@code Character}'s two case mappings for letters beyond ASCII (Cyrillic, Arabic...) took some 5 % of both
     * passes' CPU (JFR). 128 KB, of which only the scripts a chat uses are ever read.
     */
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            FOLDED[c] = Character.toLowerCase(Character.toUpperCase((char) c));
        }
    }

    private final Set<String> phrases = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    /** By length: a bit for each folded first character (modulo 64) of the phrases of that length. */
    private final long[] initials;
    /** By length: the same for the last characters. */
    private final long[] finals;
    /**
     * A bit for each phrase's last two characters, folded ({@link #ending}); all bits if a phrase is shorter.
     * 1,024 bits, so that few texts share their ending's bit with a phrase by chance alone.
     */
    private final long[] endings = new long[ENDING_WORDS];

    CaselessPhrases(String... phrases) {
        this.phrases.addAll(List.of(phrases));
        int longest = Arrays.stream(phrases).mapToInt(String::length).max().orElse(0);
        initials = new long[longest + 1];
        finals = new long[longest + 1];
        for (String phrase : phrases) {
            initials[phrase.length()] |= 1L << fold(phrase.charAt(0));
            finals[phrase.length()] |= 1L << fold(phrase.charAt(phrase.length() - 1));
            if (phrase.length() < 2) {
                Arrays.fill(endings, -1L);
            } else {
                int ending = ending(phrase, phrase.length());
                endings[ending >>> WORD_BITS] |= 1L << ending;
            }
        }
    }

    /** The index of the bit of the two characters before {@code end}, folded: texts equal ignoring case share it. */
    private static int ending(String text, int end) {
        return fold(text.charAt(end - 2)) * 31 + fold(text.charAt(end - 1)) & ENDING_WORDS * Long.SIZE - 1;
    }

    /**
     * False when no phrase ends {@code text} (ignoring case), whatever precedes it: its last two characters
     * end none. Tells it without looking further back, where a phrase's start would have to be found first.
     */
    boolean mayEnd(String text) {
        if (text.length() < 2) {
            return false;
        }
        int ending = ending(text, text.length());
        return (endings[ending >>> WORD_BITS] & 1L << ending) != 0;
    }

    /** The form in which two characters are equal exactly when the case-insensitive order finds them equal. */
    private static char fold(char c) {
        return FOLDED[c];
    }

    boolean contains(String text) {
        return containsRegion(text, 0, text.length());
    }

    /** Whether {@code text[start, end)} is one of the phrases; cut out only when its length and ends fit one. */
    boolean containsRegion(String text, int start, int end) {
        return mayContainRegion(text, start, end) && phrases.contains(text.substring(start, end));
    }

    /**
     * False when {@code text} is none of the phrases, told by bit tests alone: no phrase has its length and
     * its first and last characters.
     */
    boolean mayContain(String text) {
        return mayContainRegion(text, 0, text.length());
    }

    private boolean mayContainRegion(String text, int start, int end) {
        int length = end - start;
        if (length <= 0 || length >= initials.length || initials[length] == 0) {
            return false;
        }
        return (initials[length] & 1L << fold(text.charAt(start))) != 0
                && (finals[length] & 1L << fold(text.charAt(end - 1))) != 0;
    }

    /** The phrases, for building other sets from them. */
    Stream<String> phrases() {
        return phrases.stream();
    }

    int longest() {
        return initials.length - 1;
    }
}
