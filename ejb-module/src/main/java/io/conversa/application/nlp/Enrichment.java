package io.conversa.application.nlp;

import java.util.List;

/** What the pipeline found in one message. */
public record Enrichment(long messageId, LanguageGuess language, Sentiment sentiment, List<Entity> entities) {
}
