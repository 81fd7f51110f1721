package io.conversa.infrastructure.whatsapp;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Conversa's client of the Graph API. Transient failures (5xx, 429, throughput errors, timeouts,
 * unreachable) are retried with a jittered delay and count towards the circuit breaker; a refusal
 * ({@link GraphRefusal}) is neither retried nor held against Meta's availability.
 */
@ApplicationScoped
public class GraphClient {

    @Inject
    @ConfigProperty(name = "CONVERSA_WHATSAPP_GRAPH_URL", defaultValue = "https://graph.facebook.com/v25.0")
    String graphUrl;

    /** The token of the channel configured by environment, and of any channel without a token of its own. */
    @Inject
    @ConfigProperty(name = "CONVERSA_WHATSAPP_ACCESS_TOKEN")
    Optional<String> configuredToken;

    @Inject
    ChannelTokens channelTokens;

    /** How long one call may take before it counts as failed. */
    @Inject
    @ConfigProperty(name = "CONVERSA_WHATSAPP_TIMEOUT", defaultValue = "PT10S")
    Duration timeout;

    private GraphApi api;
    private HttpClient downloads;

    @PostConstruct
    void connect() {
        api = RestClientBuilder.newBuilder()
                .baseUri(URI.create(graphUrl.endsWith("/") ? graphUrl : graphUrl + "/"))
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .register(new ErrorAnswers())
                .build(GraphApi.class);
        downloads = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Sends {@code body} from the channel {@code phoneNumberId}; returns Meta's answer. */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 250, jitter = 200, abortOn = GraphRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 15_000, skipOn = GraphRefusal.class)
    public JsonObject send(String phoneNumberId, JsonObject body) {
        String bearer = bearer(phoneNumberId);
        return refusalsApart(() -> api.send(bearer, phoneNumberId, body));
    }

    /**
     * Downloads the media {@code mediaId} into a temporary file (the caller deletes it): first its
     * short-lived URL, then the file itself, with the access token both times.
     */
    @Timeout(value = 300, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, jitter = 300, abortOn = GraphRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 15_000, skipOn = GraphRefusal.class)
    public DownloadedMedia download(String mediaId, String phoneNumberId) {
        String bearer = bearer(phoneNumberId);
        JsonObject where = refusalsApart(() -> api.media(bearer, mediaId));
        HttpRequest request = HttpRequest.newBuilder(URI.create(where.getString("url")))
                .header(HttpHeaders.AUTHORIZATION, bearer).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> answer = downloads.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() != 200) {
                    throw refusalOrRetry(GraphApiError.of(answer.statusCode(), null));
                }
                return store(body, where);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Media download of " + mediaId + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static DownloadedMedia store(InputStream body, JsonObject where) throws IOException {
        Path file = Files.createTempFile("conversa-media-", ".bin");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (DigestInputStream digesting = new DigestInputStream(body, sha256)) {
                size = Files.copy(digesting, file, StandardCopyOption.REPLACE_EXISTING);
            }
            String declaredSize = where.containsKey("file_size") ? where.get("file_size").toString().replace("\"", "") : null;
            return new DownloadedMedia(file, where.getString("mime_type", null), size,
                    HexFormat.of().formatHex(sha256.digest()), where.getString("sha256", null),
                    declaredSize == null ? null : Long.valueOf(declaredSize));
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private String bearer(String phoneNumberId) {
        String token = channelTokens.of(phoneNumberId).or(() -> configuredToken.filter(t -> !t.isBlank()))
                .orElseThrow(() -> new GraphRefusal(new GraphApiError(401, null,
                        "No access token for channel " + phoneNumberId + " (CONVERSA_WHATSAPP_ACCESS_TOKEN is not set)")));
        return "Bearer " + token;
    }

    private static <T> T refusalsApart(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (GraphApiError e) {
            throw refusalOrRetry(e);
        }
    }

    private static RuntimeException refusalOrRetry(GraphApiError error) {
        return error.isTransient() ? error : new GraphRefusal(error);
    }

    /** Turns every error answer into a {@link GraphApiError} carrying Meta's error code. */
    static final class ErrorAnswers implements ResponseExceptionMapper<GraphApiError> {

        @Override
        public GraphApiError toThrowable(Response response) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            JsonObject body = null;
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                body = reader.readObject();
            } catch (RuntimeException notJson) {
                // An HTML error page of a proxy: the status alone decides.
            }
            return GraphApiError.of(response.getStatus(), body);
        }
    }
}
