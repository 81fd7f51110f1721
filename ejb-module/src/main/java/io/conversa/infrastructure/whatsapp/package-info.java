/**
 * The WhatsApp Graph API: sending messages and fetching media, behind MicroProfile Rest Client with
 * Fault Tolerance (timeouts, retries with jitter, a circuit breaker) on this outbound edge only.
 */
package io.conversa.infrastructure.whatsapp;
