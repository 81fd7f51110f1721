package io.conversa.application.nlp;

/**
 * A message's sentiment: polarity -1 (negative) .. 1 (positive), subjectivity 0 (no opinion
 * signal) .. 1, and its strongest emotion: joy, sadness, anger, fear, surprise, disgust or neutral.
 */
public record Sentiment(float polarity, float subjectivity, String emotion) {

    public static final String NEUTRAL = "neutral";

    public static Sentiment none() {
        return new Sentiment(0f, 0f, NEUTRAL);
    }
}
