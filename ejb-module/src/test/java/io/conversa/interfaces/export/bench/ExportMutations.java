package io.conversa.interfaces.export.bench;

import java.util.Random;

/**
 * Random edits of export text, shared by {@code FuzzTest} (no unhandled exception) and
 * {@link ParserDigest} (old and new parser read the same): characters from an alphabet of the
 * caller's inserted, deleted, repeated and replaced. The same seed gives the same edits.
 */
public final class ExportMutations {

    private ExportMutations() {
    }

    public static String mutate(String text, Random random, int mutations, String alphabet) {
        StringBuilder mutated = new StringBuilder(text);
        for (int i = 0; i < mutations; i++) {
            int at = mutated.length() == 0 ? 0 : random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> mutated.delete(at, Math.min(mutated.length(), at + 1 + random.nextInt(20)));
                case 2 -> mutated.insert(at, mutated.substring(at, Math.min(mutated.length(), at + random.nextInt(80))));
                default -> {
                    if (at < mutated.length()) {
                        mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
            }
        }
        return mutated.toString();
    }

    /** Up to 399 characters of the alphabet. */
    public static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(400); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
