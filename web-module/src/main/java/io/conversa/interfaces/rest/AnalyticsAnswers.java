package io.conversa.interfaces.rest;

import io.conversa.infrastructure.cache.AnalyticsCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/**
 * Answers an analytics request from the Redis cache or by computing it, with an ETag of the body so
 * a chart that polls gets 304 Not Modified until the job recomputed what it shows.
 */
@ApplicationScoped
public class AnalyticsAnswers {

    @Inject
    AnalyticsCache cache;

    public Response answer(Request request, String subject, String key, Callable<String> compute) throws Exception {
        var cached = cache.get(subject, key);
        String body = cached.answer().isPresent() ? cached.answer().get() : compute.call();
        if (cached.answer().isEmpty()) {
            cache.put(cached, body);
        }
        EntityTag tag = new EntityTag(sha256(body));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag)
                .header("X-Conversa-Cache", cached.answer().isPresent() ? "hit" : "miss").build();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }
}
