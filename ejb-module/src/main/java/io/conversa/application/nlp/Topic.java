package io.conversa.application.nlp;

import java.util.List;

/** A topic of a conversation: its number, its share of the conversation's words, its top terms (as written). */
public record Topic(int number, double weight, List<String> terms) {
}
