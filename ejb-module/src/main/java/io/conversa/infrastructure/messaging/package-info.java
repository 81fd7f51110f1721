/**
 * JMS on Liberty's embedded messaging engine: the producers of the ingest, webhook, outbound and nlp
 * queues, and the burst shield that holds their background consumers while webhooks pour in.
 */
package io.conversa.infrastructure.messaging;
