package io.conversa.infrastructure.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages whose messages get stemming and stop words of their own in the index. A message in
 * any other language, or not yet enriched, is still found through the accent-folded {@code text} field.
 */
public enum IndexLanguage {
    EN("English", "english"),
    ES("Spanish", "spanish"),
    PT("Portuguese", "portuguese"),
    FR("French", "french"),
    DE("German", "german"),
    IT("Italian", "italian"),
    NL("Dutch", "dutch");

    /** The field that every message's text goes to: no stemming, no stop words, accents folded. */
    public static final String ALL_TEXT = "text";
    public static final String FOLDED = "folded";

    private final String snowball;
    private final String stopList;

    IndexLanguage(String snowball, String stopList) {
        this.snowball = snowball;
        this.stopList = stopList;
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

    /** Lucene's bundled snowball stop list; Elasticsearch names the same list {@code _<language>_}. */
    String stopList() {
        return stopList;
    }

    public static Optional<IndexLanguage> of(String isoCode) {
        if (isoCode == null) {
            return Optional.empty();
        }
        String code = isoCode.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }
}
