/**
 * How messages are laid out in the search index (Hibernate Search): the text fields per language
 * and the analyzers behind them, for the embedded Lucene backend and for Elasticsearch/OpenSearch.
 */
package io.conversa.infrastructure.index;
