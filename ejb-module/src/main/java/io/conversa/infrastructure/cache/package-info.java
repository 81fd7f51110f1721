/** Redis through Jedis. */
package io.conversa.infrastructure.cache;
