/** Use cases: what Conversa does for its callers, independent of how they reach it. */
package io.conversa.application;
