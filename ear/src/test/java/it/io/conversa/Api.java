package it.io.conversa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A small client of Conversa's HTTP API, as an integrator would write it, for the integration tests. */
final class Api {

    static final String BASE = System.getProperty("it.base.url", "http://localhost:9080");
    static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-admin-password");
    static final Path FIXTURES = Path.of(System.getProperty("it.fixtures.dir", "../../shared/fixtures"));
    /** The public test secret of ../shared/fixtures/webhooks/SIGNATURES.json; the test server verifies with it. */
    static final String APP_SECRET = System.getProperty("it.app.secret", "fixture-app-secret-2b7d");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    /** An HTTP answer with its body parsed when it is JSON. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String path, String token) {
        return request(BASE, path, token);
    }

    /** A request to another Conversa than the IT server, at {@code base}. */
    static HttpRequest.Builder request(String base, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    static Answer get(String path, String token) {
        return get(BASE, path, token);
    }

    static Answer get(String base, String path, String token) {
        return send(request(base, path, token).GET());
    }

    static Answer postJson(String path, String token, Object body) {
        return postJson(BASE, path, token, body);
    }

    static Answer postJson(String base, String path, String token, Object body) {
        try {
            return send(request(base, path, token).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs a webhook body as Meta does, with {@code signature} as X-Hub-Signature-256 when given. */
    static Answer webhook(byte[] body, String signature) {
        var request = request("/webhook/whatsapp", null).header("Content-Type", "application/json");
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request.POST(BodyPublishers.ofByteArray(body)));
    }

    /** POSTs a webhook body signed with the app secret the test server was given, as Meta would sign it. */
    static Answer signedWebhook(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return webhook(bytes, signature(bytes));
    }

    /** The X-Hub-Signature-256 Meta would send with {@code body}, under the app secret the test servers were given. */
    static String signature(byte[] body) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(hmac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook body with one change of {@code field} whose value holds {@code value}, from the test channel. */
    static String webhookChange(String field, String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"106540352242922\"}," + value + "},\"field\":\"" + field + "\"}]}]}";
    }

    /** The conversation a Cloud API message was stored in, once it is. */
    static String conversationOf(String wamid) {
        Answer facts = await(() -> get("/api/v1/whatsapp/messages/" + URLEncoder.encode(wamid, StandardCharsets.UTF_8), adminToken()),
                a -> a.status() == 200 && !a.json().get("conversationId").isNull());
        if (facts.status() != 200) {
            throw new IllegalStateException("Message " + wamid + " was not stored: " + facts);
        }
        return facts.json().get("conversationId").asText();
    }

    /** Polls {@code call} until {@code done} holds for its answer (or 60 s pass) and returns the last answer. */
    static Answer await(Supplier<Answer> call, Predicate<Answer> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer answer = call.get();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            pause();
            answer = call.get();
        }
        return answer;
    }

    /**
     * A connection to the database of the test server (the dev services' PostgreSQL): as the
     * application's role, or as the superuser the dev services leave passwordless on loopback.
     */
    static Connection database(boolean superuser) throws IOException, SQLException {
        Map<String, String> env = Files.readAllLines(Path.of(System.getProperty("it.data.dir"), "dev-services.env")).stream()
                .filter(l -> l.contains("=")).collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')),
                        l -> l.substring(l.indexOf('=') + 1), (a, b) -> b));
        Properties login = new Properties();
        login.setProperty("user", superuser ? "postgres" : env.get("CONVERSA_DB_USER"));
        if (!superuser) {
            login.setProperty("password", env.get("CONVERSA_DB_PASSWORD"));
        }
        return DriverManager.getConnection(env.get("CONVERSA_DB_URL"), login);
    }

    /** The single number {@code sql} selects, from the test server's database, with {@code values} bound in order. */
    static long count(String sql, String... values) throws IOException, SQLException {
        try (Connection db = database(false); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setString(i + 1, values[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static Answer token(String username, String password) {
        return postJson("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }

    static String adminToken() {
        return TOKENS.computeIfAbsent("admin", u -> token("admin", ADMIN_PASSWORD).json().get("access_token").asText());
    }

    /** A token for an account with {@code role}, created through the admin API on first use. */
    static String tokenFor(String role) {
        if (role.equals("admin")) {
            return adminToken();
        }
        return TOKENS.computeIfAbsent(role, r -> {
            String username = "it-" + r + "-" + UUID.randomUUID().toString().substring(0, 8);
            String password = "password-of-" + username;
            Answer created = postJson("/api/v1/admin/accounts", adminToken(),
                    Map.of("username", username, "password", password, "role", r));
            if (created.status() != 201) {
                throw new IllegalStateException("Could not create a " + r + ": " + created);
            }
            return token(username, password).json().get("access_token").asText();
        });
    }

    /** A token of a new account with role user, who owns nothing yet. */
    static String freshUserToken() {
        String username = "it-user-" + UUID.randomUUID();
        String password = "password-of-" + username;
        Answer created = postJson("/api/v1/admin/accounts", adminToken(),
                Map.of("username", username, "password", password, "role", "user"));
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create a user: " + created);
        }
        return token(username, password).json().get("access_token").asText();
    }

    /** Uploads an export as multipart field "file", with "timezone" when given. */
    static Answer importFile(String token, String fileName, byte[] content, String timezone) {
        return importFile(token, fileName, content, timezone == null ? Map.of() : Map.of("timezone", timezone));
    }

    /** Uploads an export as multipart field "file" beside the given form fields. */
    static Answer importFile(String token, String fileName, byte[] content, Map<String, String> fields) {
        return postExport("/api/v1/conversations/import", token, fileName, content, fields);
    }

    /** Asks what an export holds, without importing it. */
    static Answer inspectFixture(String token, String relativePath) {
        try {
            Path file = FIXTURES.resolve(relativePath);
            return inspectFile(token, file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks what an export holds, without importing it. */
    static Answer inspectFile(String token, String fileName, byte[] content) {
        return postExport("/api/v1/exports/inspect", token, fileName, content, Map.of("timezone", "UTC"));
    }

    private static Answer postExport(String path, String token, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "conversa-it-" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes());
        parts.add(content);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes());
        BodyPublisher body = BodyPublishers.ofByteArrays(parts);
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
    }

    static Answer importFixture(String token, String relativePath, String timezone) {
        try {
            Path file = FIXTURES.resolve(relativePath);
            return importFile(token, file.getFileName().toString(), Files.readAllBytes(file), timezone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls a job until it finishes (or 120 s pass) and returns its last state. */
    static JsonNode awaitJob(String token, String jobId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode job;
        do {
            job = get("/api/v1/jobs/" + jobId, token).json();
            String status = job.path("status").asText();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return job;
            }
            pause();
        } while (System.nanoTime() < deadline);
        return job;
    }

    static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
