package io.conversa.infrastructure.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Analytics answers (chart-shaped JSON) kept in Redis until the next job run changes the
 * conversation: each conversation has a generation, bumped when its analytics are recomputed, and
 * the overview one generation of its own bumped by any recomputation.
 */
@ApplicationScoped
public class AnalyticsCache {

    private static final Logger LOG = Logger.getLogger(AnalyticsCache.class.getName());
    private static final String OVERVIEW = "overview";
    private static final CachedAnswers ANSWERS = new CachedAnswers(LOG, "Analytics");

    @Inject
    Redis redis;

    /** What the cache holds for a request, looked up under the subject's generation current now. */
    public CacheLookup get(String subject, String request) {
        return ANSWERS.lookUp(redis, () -> key(subject, request));
    }

    /** Keeps the answer under its lookup's generation: one computed before a recomputation expires unread. */
    public void put(CacheLookup lookup, String answer) {
        ANSWERS.keep(redis, lookup, answer);
    }

    public void invalidate(UUID conversation) {
        try {
            redis.client().incr("analytics:generation:" + conversation);
            redis.client().incr("analytics:generation:" + OVERVIEW);
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "Analytics cache unreachable; could not invalidate", e);
        }
    }

    /** The subject is a conversation id or "overview" (the request then names the caller's scope). */
    private String key(String subject, String request) {
        String generation = Optional.ofNullable(redis.client().get("analytics:generation:" + subject)).orElse("0");
        return "analytics:" + subject + ":" + generation + ":" + request;
    }

    public static String overview() {
        return OVERVIEW;
    }
}
