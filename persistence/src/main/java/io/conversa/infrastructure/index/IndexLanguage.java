package io.conversa.infrastructure.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages whose messages get stemming of their own in the index. A message in
 * any other language, or not yet enriched, is still found through the accent-folded {@code text} field.
 */
public enum IndexLanguage {
    EN("English"),
    ES("Spanish"),
    PT("Portuguese"),
    FR("French"),
    DE("German"),
    IT("Italian"),
    NL("Dutch");

    /** The field that every message's text goes to: no stemming, accents folded. */
    public static final String ALL_TEXT = "text";
    public static final String FOLDED = "folded";

    private final String snowball;

    IndexLanguage(String snowball) {
        this.snowball = snowball;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String field() {
        return ALL_TEXT + "_" + code();
    }

    public String analyzer() {
        return "text_" + code();
    }

    /** Snowball stemmer name, for both Lucene and Elasticsearch. */
    String snowball() {
        return snowball;
    }

    public static Optional<IndexLanguage> of(String isoCode) {
        if (isoCode == null) {
            return Optional.empty();
        }
        String code = isoCode.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }
}
