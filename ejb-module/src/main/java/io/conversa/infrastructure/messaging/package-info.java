/** JMS on Liberty's embedded messaging engine: the producers of the ingest, webhook, outbound and nlp queues. */
package io.conversa.infrastructure.messaging;
