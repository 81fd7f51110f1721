package io.conversa.infrastructure.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Search results kept in Redis for 15 minutes. Every key carries a generation number that any change
 * to the index bumps, so a message stored in any conversation drops every cached answer at once
 * (a query that found nothing there may find something now). Redis being down only costs speed.
 */
@ApplicationScoped
public class SearchCache {

    private static final Logger LOG = Logger.getLogger(SearchCache.class.getName());
    private static final String GENERATION = "search:generation";
    private static final CachedAnswers ANSWERS = new CachedAnswers(LOG, "Search");

    @Inject
    Redis redis;

    /** What the cache holds for a request, looked up under the generation current now. */
    public CacheLookup get(String scope, String request) {
        return ANSWERS.lookUp(redis, () -> key(scope, request));
    }

    /**
     * Keeps the answer to a looked-up request under the generation of its lookup: a search that read
     * the index before a change and finished after its {@link #invalidate} must not keep its answer
     * under the new generation, for 15 minutes.
     */
    public void put(CacheLookup lookup, String answer) {
        ANSWERS.keep(redis, lookup, answer);
    }

    /** Drops every cached answer (their keys name an older generation and expire unread). */
    public void invalidate() {
        try {
            redis.client().incr(GENERATION);
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "Search cache unreachable; could not invalidate", e);
        }
    }

    private String key(String scope, String request) {
        String generation = Optional.ofNullable(redis.client().get(GENERATION)).orElse("0");
        return "search:" + generation + ":" + sha256(scope + "\n" + request);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
