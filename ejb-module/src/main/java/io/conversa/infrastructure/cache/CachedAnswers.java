package io.conversa.infrastructure.cache;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Reading and keeping the answers of one generation-keyed cache (search, analytics) in Redis for 15
 * minutes. An answer is kept under the key its lookup used (see {@link CacheLookup}); Redis being down
 * only costs speed, so its failures are logged and answered as misses.
 */
final class CachedAnswers {

    private static final long TTL_SECONDS = 15 * 60;

    private final Logger log;
    private final String name;

    /** @param name how the log names this cache ("Search", "Analytics") */
    CachedAnswers(Logger log, String name) {
        this.log = log;
        this.name = name;
    }

    /** @param key the request's key under its subject's current generation; may ask Redis for it */
    CacheLookup lookUp(Redis redis, Supplier<String> key) {
        try {
            String current = key.get();
            return new CacheLookup(current, Optional.ofNullable(redis.client().get(current)));
        } catch (JedisException e) {
            log.log(Level.WARNING, name + " cache unreachable; answering without it", e);
            return CacheLookup.unreachable();
        }
    }

    void keep(Redis redis, CacheLookup lookup, String answer) {
        if (lookup.key() == null) {
            return;
        }
        try {
            redis.client().set(lookup.key(), answer, SetParams.setParams().ex(TTL_SECONDS));
        } catch (JedisException e) {
            log.log(Level.WARNING, name + " cache unreachable; answer not kept", e);
        }
    }
}
