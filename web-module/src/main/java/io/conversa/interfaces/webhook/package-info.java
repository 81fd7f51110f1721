/** The WhatsApp Cloud API webhook: verification handshake and signed event bodies. */
package io.conversa.interfaces.webhook;
