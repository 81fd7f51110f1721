package io.conversa.application.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Words with a value, from a tab-separated resource: exact entries and prefix entries (written
 * with a trailing {@code *}), looked up longest prefix first. Lower-cased, so lookups are too.
 */
final class Lexicon<V> {

    private final Map<String, V> exact = new HashMap<>();
    private final Map<String, V> prefixes = new HashMap<>();
    private int longestPrefix;

    void put(String word, V value) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("*")) {
            String p = w.substring(0, w.length() - 1);
            prefixes.put(p, value);
            longestPrefix = Math.max(longestPrefix, p.length());
        } else {
            exact.put(w, value);
        }
    }

    /** The value of a lower-cased word, or null. */
    V get(String word) {
        V v = exact.get(word);
        if (v != null || prefixes.isEmpty()) {
            return v;
        }
        for (int n = Math.min(longestPrefix, word.length()); n >= 2; n--) {
            v = prefixes.get(word.substring(0, n));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    int size() {
        return exact.size() + prefixes.size();
    }

    /** Reads a resource's lines, skipping blanks and # comments, handing each line's fields to {@code line}. */
    static void read(String resource, BiConsumer<String[], Integer> line) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing lexicon " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String s;
            int n = 0;
            while ((s = reader.readLine()) != null) {
                n++;
                if (!s.isBlank() && !s.startsWith("#")) {
                    line.accept(s.split("\t"), n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
