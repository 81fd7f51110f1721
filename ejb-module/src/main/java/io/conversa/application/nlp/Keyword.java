package io.conversa.application.nlp;

/** A keyword or phrase of a conversation in a period: as most often written, its length in words, TF-IDF score and count. */
public record Keyword(String phrase, int words, double score, int count) {
}
