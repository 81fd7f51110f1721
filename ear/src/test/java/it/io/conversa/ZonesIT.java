package it.io.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two zones, against real servers. The IT server runs as in development, without
 * CONVERSA_INTERNAL_HTTP_PORT: its one port serves the admin pages, the admin API, the webhook and the
 * user API. A second Conversa started here with an internal port ({@link ZonedConversa}) serves the
 * admin pages with their staff login, the admin API and the webhook only on that port; on its public
 * port they do not exist (404, not a login form), and the user and integrator API answer there.
 * The second one also trusts local addresses as a reverse proxy (CONVERSA_TRUSTED_PROXIES), the IT
 * server trusts none.
 */
class ZonesIT {

    private static final String HANDSHAKE = "/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=it-verify-token&hub.challenge=";
    private static final HttpClient NO_REDIRECTS = HttpClient.newHttpClient();

    private static ZonedConversa zoned;

    @BeforeAll
    static void startAConversaWithAnInternalPort() throws Exception {
        zoned = ZonedConversa.start();
    }

    @AfterAll
    static void stopIt() {
        if (zoned != null) {
            zoned.stop();
        }
    }

    @Test
    void onePortServesEverythingWhenNoInternalPortIsSet() throws Exception {
        assertThat(fetch(Api.BASE, "/admin/conversations.xhtml").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login.html"));
        assertThat(Api.get("/api/v1/admin/audit", Api.adminToken()).status()).isEqualTo(200);
        assertThat(Api.get(HANDSHAKE + "one-port", null).body()).isEqualTo("one-port");
        assertThat(Api.get("/api/v1/conversations", Api.tokenFor("user")).status()).isEqualTo(200);
    }

    @Test
    void thePublicPortHasNoAdminPagesLoginAdminApiOrWebhook() throws Exception {
        HttpResponse<String> page = fetch(zoned.publicBase, "/admin/conversations.xhtml");
        assertThat(page.statusCode()).as("an admin page before login").isEqualTo(404);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).doesNotContain("j_password");
        assertThat(fetch(zoned.publicBase, "/login.html").statusCode()).isEqualTo(404);
        assertThat(signIn(browser(), zoned.publicBase).statusCode()).as("the staff login form's action").isEqualTo(404);

        String admin = token(zoned.publicBase);
        Api.Answer audit = Api.get(zoned.publicBase, "/api/v1/admin/audit", admin);
        assertThat(audit.status()).isEqualTo(404);
        assertThat(audit.contentType()).startsWith("application/problem+json");
        assertThat(Api.get(zoned.publicBase, HANDSHAKE + "public", null).status()).isEqualTo(404);
    }

    @Test
    void thePublicPortServesTheUserAndIntegratorApi() {
        String admin = token(zoned.publicBase);
        assertThat(Api.get(zoned.publicBase, "/api/v1/conversations", admin).status()).isEqualTo(200);
        assertThat(Api.postJson(zoned.publicBase, "/api/v1/search", admin, Map.of("query", "hello")).status()).isEqualTo(200);
    }

    @Test
    void theInternalPortServesTheAdminPagesAfterTheirLoginTheAdminApiAndTheWebhook() throws Exception {
        HttpResponse<String> page = fetch(zoned.internalBase, "/admin/conversations.xhtml");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue(zoned.internalBase + "/login.html");
        HttpClient browser = browser();
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(zoned.internalBase + "/login.html")).build(),
                BodyHandlers.ofString()).body()).contains("j_password");
        HttpResponse<String> signedIn = signIn(browser, zoned.internalBase);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.uri().toString()).isEqualTo(zoned.internalBase + "/admin/conversations.xhtml");
        assertThat(signedIn.body()).contains("<h1>Conversations</h1>");

        assertThat(Api.get(zoned.internalBase, "/api/v1/admin/audit", token(zoned.internalBase)).status()).isEqualTo(200);
        assertThat(Api.get(zoned.internalBase, HANDSHAKE + "internal", null).body()).isEqualTo("internal");
    }

    @Test
    void aWebhookPostIsStoredFromTheInternalPortOnly() throws Exception {
        String refused = "wamid.zones-public-" + UUID.randomUUID();
        String accepted = "wamid.zones-internal-" + UUID.randomUUID();
        assertThat(webhookStatus(zoned.publicBase, refused).status()).isEqualTo(404);
        assertThat(webhookStatus(zoned.internalBase, accepted).status()).isEqualTo(200);
        // Webhook bodies are stored in the order they came: once the second is in, the first would be too.
        Api.await(() -> new Api.Answer(200, "", Long.toString(statuses(accepted))), a -> a.body().equals("1"));
        assertThat(statuses(accepted)).isEqualTo(1);
        assertThat(statuses(refused)).isZero();
    }

    @Test
    void theClientAddressComesFromATrustedProxyOnlyAndIsAudited() {
        String forged = "203.0.113.7";
        String zonedAdmin = token(zoned.internalBase);
        assertThat(auditedAddress(zoned.publicBase, zonedAdmin, zoned.internalBase, zonedAdmin, forged))
                .as("behind a trusted proxy").isEqualTo(forged);
        assertThat(auditedAddress(zoned.internalBase, zonedAdmin, zoned.internalBase, zonedAdmin, forged))
                .as("on the internal port too").isEqualTo(forged);
        assertThat(auditedAddress(Api.BASE, Api.adminToken(), Api.BASE, Api.adminToken(), forged))
                .as("no proxy trusted").isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    /** The client address the audit trail records for a read of a conversation sent with {@code X-Forwarded-For: forwarded}. */
    private static String auditedAddress(String base, String token, String auditBase, String auditToken, String forwarded) {
        String conversation = UUID.randomUUID().toString();
        assertThat(Api.send(Api.request(base, "/api/v1/conversations/" + conversation, token).header("X-Forwarded-For", forwarded))
                .status()).isEqualTo(404);
        Api.Answer audit = Api.await(() -> Api.get(auditBase, "/api/v1/admin/audit?action=GET%20/api/v1/conversations/%7Bid%7D&target="
                + conversation, auditToken), a -> a.status() == 200 && !a.json().get("entries").isEmpty());
        return audit.json().get("entries").get(0).get("clientAddress").asText();
    }

    private static long statuses(String wamid) {
        try {
            return Api.count("SELECT count(*) FROM message_status WHERE wa_message_id = ?", wamid);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Answer webhookStatus(String base, String wamid) {
        byte[] body = Api.webhookChange("messages", "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"delivered\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"recipient_id\":\"447700900123\"}]").getBytes(StandardCharsets.UTF_8);
        return Api.send(Api.request(base, "/webhook/whatsapp", null).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", Api.signature(body)).POST(BodyPublishers.ofByteArray(body)));
    }

    /** An admin token from the zoned server (its signing key is its own). */
    private static String token(String base) {
        Api.Answer answer = Api.postJson(base, "/api/v1/auth/token", null, Map.of("username", "admin", "password", Api.ADMIN_PASSWORD));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("access_token").asText();
    }

    private static HttpResponse<String> fetch(String base, String path) throws IOException, InterruptedException {
        return NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(base + path)).build(), BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static HttpResponse<String> signIn(HttpClient browser, String base) throws IOException, InterruptedException {
        String form = "j_username=admin&j_password=" + URLEncoder.encode(Api.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form)).build(),
                BodyHandlers.ofString());
    }
}
