package io.conversa.interfaces.health;

import io.conversa.infrastructure.cache.Redis;
import io.conversa.infrastructure.storage.ObjectStorage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Conversa is ready only when PostgreSQL, Redis, object storage and JMS all answer. */
@ApplicationScoped
public class BackingServiceChecks {

    @Resource(lookup = "jdbc/conversa")
    DataSource database;

    @Resource(lookup = "jms/conversa")
    ConnectionFactory jms;

    @Inject
    Redis redis;

    @Inject
    ObjectStorage storage;

    @Produces
    @Readiness
    HealthCheck postgresql() {
        return check("postgresql", () -> {
            try (Connection c = database.getConnection()) {
                return c.isValid(2);
            }
        });
    }

    @Produces
    @Readiness
    HealthCheck redis() {
        return check("redis", redis::reachable);
    }

    @Produces
    @Readiness
    HealthCheck objectStorage() {
        return check("object-storage", storage::reachable);
    }

    @Produces
    @Readiness
    HealthCheck messaging() {
        return check("jms", () -> {
            try (JMSContext context = jms.createContext()) {
                context.createProducer();
                return true;
            }
        });
    }

    private static HealthCheck check(String name, Probe probe) {
        return () -> {
            try {
                return HealthCheckResponse.named(name).status(probe.up()).build();
            } catch (Exception e) {
                return HealthCheckResponse.named(name).down().withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @FunctionalInterface
    private interface Probe {
        boolean up() throws Exception;
    }
}
