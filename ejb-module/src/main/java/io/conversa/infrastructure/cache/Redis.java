package io.conversa.infrastructure.cache;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/** The Redis connection pool: caches, rate limits and flow sessions go through here. */
@ApplicationScoped
public class Redis {

    @Inject
    @ConfigProperty(name = "CONVERSA_REDIS_URL", defaultValue = "redis://localhost:6379")
    String url;

    private JedisPooled pool;

    @PostConstruct
    void connect() {
        pool = new JedisPooled(URI.create(url));
    }

    @PreDestroy
    void close() {
        pool.close();
    }

    public JedisPooled client() {
        return pool;
    }

    /** For the readiness check. */
    public boolean reachable() {
        return "PONG".equals(pool.ping());
    }
}
