/** Password hashing, JWT signing keys and token issuing. */
package io.conversa.infrastructure.security;
