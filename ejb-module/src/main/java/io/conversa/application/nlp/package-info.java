/**
 * The NLP pipeline as plain Java: language, tokens, entities, sentiment and emotion per message,
 * keywords and topics per conversation. Each step is a small class behind its own type so that it
 * can be replaced; {@link io.conversa.application.nlp.NlpPipeline} puts them together and holds
 * the models, which are loaded once.
 */
package io.conversa.application.nlp;
