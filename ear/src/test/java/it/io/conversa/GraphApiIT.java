package it.io.conversa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Cloud API channel against a Graph API faked at the HTTP level (WireMock, answers shaped as
 * Meta's reference shows them): sends, retries on throttling, 5xx and timeouts, refusals, the
 * customer service window, the dead-letter queue and its re-drive, the circuit breaker, and media
 * downloads. Each test talks to a contact of its own, so rate limits and windows do not mix.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphApiIT {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String MESSAGES = "/v25.0/" + PHONE_NUMBER_ID + "/messages";
    private static final AtomicLong CONTACTS = new AtomicLong(4915100000000L + System.currentTimeMillis() % 1_000_000);
    @RegisterExtension
    static final FakeGraphApi graph = FakeGraphApi.shared();

    @Test
    @Order(1)
    void sendsATextReplyWithTheAccessTokenAndFollowsItsStatusesInAnyOrder() {
        String contact = newContact();
        Contact chat = contactWrites(contact, Instant.now());
        String wamid = "wamid.out-" + UUID.randomUUID();
        graph.stubFor(sendTo(contact).willReturn(okJson(accepted(contact, wamid))));

        JsonNode queued = send(chat.conversationId(), Map.of("text", "Your report is ready", "replyTo", chat.waMessageId()));
        assertThat(queued.get("status").asText()).isEqualTo("QUEUED");
        JsonNode sent = awaitOutbound(queued.get("id").asText(), "SENT");
        assertThat(sent.get("waMessageId").asText()).isEqualTo(wamid);

        graph.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer it-access-token"))
                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\""
                        + contact + "\",\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Your report is ready\"},"
                        + "\"context\":{\"message_id\":\"" + chat.waMessageId() + "\"}}")));

        // Meta may report "read" before "delivered"; the send stays at the furthest.
        assertThat(Api.signedWebhook(status(wamid, contact, "read")).status()).isEqualTo(200);
        assertThat(Api.signedWebhook(status(wamid, contact, "delivered")).status()).isEqualTo(200);
        assertThat(awaitOutbound(queued.get("id").asText(), "READ").get("status").asText()).isEqualTo("READ");

        JsonNode messages = Api.get("/api/v1/conversations/" + chat.conversationId() + "/messages", Api.adminToken()).json();
        assertThat(messages.get("messages").findValuesAsText("waMessageId")).containsExactly(chat.waMessageId(), wamid);
        assertThat(messages.get("messages").get(1).get("direction").asText()).isEqualTo("OUT");
        assertThat(messages.get("messages").get(1).get("replyTo").asText()).isEqualTo(chat.waMessageId());
        assertThat(messages.get("messages").get(1).get("status").asText()).isEqualTo("read");
    }

    @Test
    @Order(2)
    void retriesThrottlingAndServerErrorsUntilMetaAccepts() {
        String contact = newContact();
        Contact chat = contactWrites(contact, Instant.now());
        String wamid = "wamid.out-" + UUID.randomUUID();
        graph.stubFor(sendTo(contact).inScenario(contact).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(error(130429, "Rate limit hit", "Cloud API message throughput has been reached.")))
                .willSetStateTo("throttled"));
        graph.stubFor(sendTo(contact).inScenario(contact).whenScenarioStateIs("throttled")
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")).willSetStateTo("recovered"));
        graph.stubFor(sendTo(contact).inScenario(contact).whenScenarioStateIs("recovered")
                .willReturn(okJson(accepted(contact, wamid))));

        JsonNode sent = awaitOutbound(send(chat.conversationId(), Map.of("text", "hello")).get("id").asText(), "SENT");
        assertThat(sent.get("waMessageId").asText()).isEqualTo(wamid);
        graph.verify(3, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(contact))));
    }

    @Test
    @Order(3)
    void givesUpOnAnAnswerThatTakesLongerThanTheTimeoutAndTriesAgain() {
        String contact = newContact();
        Contact chat = contactWrites(contact, Instant.now());
        String wamid = "wamid.out-" + UUID.randomUUID();
        graph.stubFor(sendTo(contact).inScenario(contact).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(accepted(contact, "wamid.too-late")).withFixedDelay(3_000)).willSetStateTo("fast"));
        graph.stubFor(sendTo(contact).inScenario(contact).whenScenarioStateIs("fast").willReturn(okJson(accepted(contact, wamid))));

        JsonNode sent = awaitOutbound(send(chat.conversationId(), Map.of("text", "hello")).get("id").asText(), "SENT");
        assertThat(sent.get("waMessageId").asText()).isEqualTo(wamid);
        graph.verify(2, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(contact))));
    }

    @Test
    @Order(4)
    void refusesFreeFormTextOutsideTheServiceWindowButSendsTemplates() {
        String contact = newContact();
        Contact chat = contactWrites(contact, Instant.now().minus(Duration.ofHours(25)));

        Api.Answer refused = sendAnswer(chat.conversationId(), Map.of("text", "are you there?"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("24-hour customer service window", "template");

        String wamid = "wamid.out-" + UUID.randomUUID();
        graph.stubFor(sendTo(contact).willReturn(okJson(accepted(contact, wamid))));
        JsonNode queued = send(chat.conversationId(),
                Map.of("template", Map.of("name", "report_ready", "language", "en_US", "parameters", List.of("Ana"))));
        assertThat(awaitOutbound(queued.get("id").asText(), "SENT").get("kind").asText()).isEqualTo("TEMPLATE");
        graph.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\","
                + "\"recipient_type\":\"individual\",\"to\":\"" + contact + "\",\"type\":\"template\",\"template\":{\"name\":"
                + "\"report_ready\",\"language\":{\"code\":\"en_US\"},\"components\":[{\"type\":\"body\",\"parameters\":"
                + "[{\"type\":\"text\",\"text\":\"Ana\"}]}]}}")));
    }

    @Test
    @Order(5)
    void recordsMetasRefusalWithoutRetrying() {
        String contact = newContact();
        Contact chat = contactWrites(contact, Instant.now());
        graph.stubFor(sendTo(contact).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(error(131047, "Re-engagement message", "Message failed to send because more than 24 hours have"
                        + " passed since the customer last replied to this number."))));

        JsonNode failed = awaitOutbound(send(chat.conversationId(), Map.of("text", "hello")).get("id").asText(), "FAILED");
        assertThat(failed.get("errorCode").asInt()).isEqualTo(131047);
        assertThat(failed.get("errorReason").asText()).contains("more than 24 hours");
        graph.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(contact))));
    }

    @Test
    @Order(6)
    void parksASendAfterThreeFailedAttemptsUntilAnAdminRedrivesIt() {
        String contact = newContact();
        Contact chat = contactWrites(contact, Instant.now());
        graph.stubFor(sendTo(contact).inScenario(contact).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(error(131000, "Something went wrong", "Something went wrong"))));

        String id = send(chat.conversationId(), Map.of("text", "hello")).get("id").asText();
        JsonNode failed = awaitOutbound(id, "FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(Api.get("/api/v1/admin/outbound?status=FAILED", Api.adminToken()).json().findValuesAsText("id")).contains(id);
        // Each attempt tries up to three times, unless the circuit breaker (opened by these failures and
        // those of the tests before) already stopped calling Meta.
        int calls = graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(contact))))
                .size();
        assertThat(calls).isBetween(1, 9);

        graph.stubFor(sendTo(contact).inScenario(contact).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(accepted(contact, "wamid.redriven-" + id))));
        Api.Answer retried = Api.send(Api.request("/api/v1/admin/outbound/" + id + "/retry", Api.adminToken())
                .POST(BodyPublishers.noBody()));
        assertThat(retried.status()).isEqualTo(202);
        assertThat(awaitOutbound(id, "SENT").get("waMessageId").asText()).isEqualTo("wamid.redriven-" + id);
        assertThat(Api.send(Api.request("/api/v1/admin/outbound/" + id + "/retry", Api.adminToken())
                .POST(BodyPublishers.noBody())).status()).isEqualTo(409);
    }

    @Test
    @Order(7)
    void stopsCallingMetaWhileItKeepsFailingAndResumesAfterwards() {
        String contact = newContact();
        Contact chat = contactWrites(contact, Instant.now());
        graph.stubFor(sendTo(contact).willReturn(aResponse().withStatus(503)));

        List<String> ids = List.of(send(chat.conversationId(), Map.of("text", "one")).get("id").asText(),
                send(chat.conversationId(), Map.of("text", "two")).get("id").asText(),
                send(chat.conversationId(), Map.of("text", "three")).get("id").asText());
        List<JsonNode> failed = ids.stream().map(id -> awaitOutbound(id, "FAILED")).toList();
        int calls = graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(contact))))
                .size();
        assertThat(calls).as("calls that reached Meta").isLessThan(3 * 3 * 3);
        assertThat(failed).anySatisfy(send -> assertThat(send.get("errorReason").asText()).contains("CircuitBreakerOpen"));

        graph.stubFor(sendTo(contact).willReturn(okJson(accepted(contact, "wamid.after-outage-" + ids.get(0)))));
        Api.send(Api.request("/api/v1/admin/outbound/" + ids.get(0) + "/retry", Api.adminToken()).POST(BodyPublishers.noBody()));
        assertThat(awaitOutbound(ids.get(0), "SENT").get("status").asText()).isEqualTo("SENT");
    }

    @Test
    @Order(8)
    void downloadsTheMediaOfAnImageMessageWithTheTokenAndChecksIt() throws Exception {
        String contact = newContact();
        byte[] png = png(3, 2);
        String mediaId = "media-" + UUID.randomUUID();
        stubMedia(mediaId, png, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));

        Contact chat = contactSendsImage(contact, mediaId);
        JsonNode media = awaitMedia(chat.conversationId(), m -> m.get("stored").asBoolean());
        assertThat(media.get("waMediaId").asText()).isEqualTo(mediaId);
        assertThat(media.get("mimeType").asText()).isEqualTo("image/png");
        assertThat(media.get("sizeBytes").asLong()).isEqualTo(png.length);
        assertThat(media.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
        assertThat(media.get("width").asInt()).isEqualTo(3);
        assertThat(media.get("height").asInt()).isEqualTo(2);
        graph.verify(getRequestedFor(urlEqualTo("/lookaside/" + mediaId)).withHeader("Authorization", equalTo("Bearer it-access-token")));

        HttpResponse<byte[]> file = Api.HTTP.send(HttpRequest.newBuilder(URI.create(media.get("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(png);
    }

    @Test
    @Order(9)
    void recordsWhyAMediaFileThatNeverMatchesWhatMetaDeclaredWasNotStored() throws Exception {
        String contact = newContact();
        String mediaId = "media-" + UUID.randomUUID();
        stubMedia(mediaId, png(2, 2), "0000000000000000000000000000000000000000000000000000000000000000");

        Contact chat = contactSendsImage(contact, mediaId);
        JsonNode media = awaitMedia(chat.conversationId(), m -> !m.get("downloadError").isNull());
        assertThat(media.get("stored").asBoolean()).isFalse();
        assertThat(media.get("downloadError").asText()).as("the reason of every attempt, oldest first")
                .matches("attempt 1: [^;]*SHA-256[^;]*; attempt 2: [^;]*SHA-256[^;]*; attempt 3: [^;]*SHA-256[^;]*");
        assertThat(graph.findAll(getRequestedFor(urlEqualTo("/lookaside/" + mediaId)))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(10)
    void sendsFromAChannelAnAdminAddedWithItsOwnTokenAlsoAfterTheKeyRotates() throws Exception {
        String channel = Long.toString(900_000_000_000L + CONTACTS.incrementAndGet() % 1_000_000_000L);
        Api.Answer added = Api.postJson("/api/v1/admin/channels", Api.adminToken(),
                Map.of("phoneNumberId", channel, "displayName", "Second shop", "accessToken", "token-of-" + channel));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).doesNotContain("token-of-");
        try (var db = Api.database(false); var sql = db.prepareStatement("SELECT access_token FROM channel WHERE phone_number_id = ?")) {
            sql.setString(1, channel);
            var row = sql.executeQuery();
            row.next();
            assertThat(row.getString(1)).as("stored sealed").doesNotContain("token-of-").matches("[0-9]+:.+");
        }

        String contact = newContact();
        String wamid = "wamid.in-" + UUID.randomUUID();
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\",\"phone_number_id\":\""
                + channel + "\"},\"contacts\":[{\"profile\":{\"name\":\"Bo\"},\"wa_id\":\"" + contact + "\"}],\"messages\":[{\"from\":\""
                + contact + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]},\"field\":\"messages\"}]}]}";
        assertThat(Api.signedWebhook(body).status()).isEqualTo(200);
        String conversation = Api.await(() -> Api.get("/api/v1/whatsapp/messages/" + URLEncoder.encode(wamid, StandardCharsets.UTF_8),
                Api.adminToken()), a -> a.status() == 200).json().get("conversationId").asText();
        String path = "/v25.0/" + channel + "/messages";
        graph.stubFor(post(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer token-of-" + channel))
                .willReturn(okJson(accepted(contact, "wamid.second-shop-" + UUID.randomUUID()))));
        assertThat(awaitOutbound(send(conversation, Map.of("text", "hello from shop 2")).get("id").asText(), "SENT")
                .get("phoneNumberId").asText()).isEqualTo(channel);
        graph.stubFor(post(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer token-of-" + channel))
                .willReturn(okJson(accepted(contact, "wamid.second-shop-" + UUID.randomUUID()))));

        JsonNode rotation = Api.send(Api.request("/api/v1/admin/keys/rotate", Api.adminToken()).POST(BodyPublishers.noBody())).json();
        assertThat(rotation.get("resealed").asInt()).isGreaterThanOrEqualTo(1);
        awaitOutbound(send(conversation, Map.of("text", "still me")).get("id").asText(), "SENT");
        graph.verify(2, postRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer token-of-" + channel)));
        assertThat(Api.send(Api.request("/api/v1/admin/channels/" + channel, Api.adminToken()).DELETE()).status()).isEqualTo(204);
    }

    /** A contact and the conversation their first message opened. */
    private record Contact(String conversationId, String waMessageId) {
    }

    private static String newContact() {
        return Long.toString(CONTACTS.incrementAndGet());
    }

    private static Contact contactWrites(String contact, Instant at) {
        String wamid = "wamid.in-" + UUID.randomUUID();
        return delivered(contact, wamid, "{\"from\":\"" + contact + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + at.getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"Hi, is my report ready?\"}}");
    }

    private static Contact contactSendsImage(String contact, String mediaId) {
        String wamid = "wamid.in-" + UUID.randomUUID();
        return delivered(contact, wamid, "{\"from\":\"" + contact + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"type\":\"image\",\"image\":{\"caption\":\"scan\",\"mime_type\":\"image/png\","
                + "\"sha256\":\"ignored-by-conversa=\",\"id\":\"" + mediaId + "\"}}");
    }

    /** Delivers {@code message} from {@code contact} as Meta's webhook would, and waits until it is stored. */
    private static Contact delivered(String contact, String wamid, String message) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\""
                + PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"Contact " + contact + "\"},\"wa_id\":\"" + contact
                + "\"}],\"messages\":[" + message + "]},\"field\":\"messages\"}]}]}";
        assertThat(Api.signedWebhook(body).status()).isEqualTo(200);
        Api.Answer facts = Api.await(() -> Api.get("/api/v1/whatsapp/messages/" + URLEncoder.encode(wamid, StandardCharsets.UTF_8),
                Api.adminToken()), a -> a.status() == 200 && !a.json().get("conversationId").isNull());
        return new Contact(facts.json().get("conversationId").asText(), wamid);
    }

    private static String status(String wamid, String contact, String status) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\""
                + PHONE_NUMBER_ID + "\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"recipient_id\":\"" + contact + "\"}]},\"field\":\"messages\"}]}]}";
    }

    private static MappingBuilder sendTo(String contact) {
        return post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(contact)));
    }

    /** Meta's answer to an accepted send. */
    private static String accepted(String contact, String wamid) {
        return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + contact + "\",\"wa_id\":\"" + contact
                + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}";
    }

    /** A Graph API error body. */
    private static String error(int code, String title, String details) {
        return "{\"error\":{\"message\":\"(#" + code + ") " + title + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + details + "\"},\"fbtrace_id\":\"AbCdEf123\"}}";
    }

    /** The media URL answer, then the file behind it, served only with the access token. */
    private static void stubMedia(String mediaId, byte[] file, String declaredSha256) {
        graph.stubFor(get(urlEqualTo("/v25.0/" + mediaId)).willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"url\":\""
                + graph.baseUrl() + "/lookaside/" + mediaId + "\",\"mime_type\":\"image/png\",\"sha256\":\"" + declaredSha256
                + "\",\"file_size\":\"" + file.length + "\",\"id\":\"" + mediaId + "\"}")));
        graph.stubFor(get(urlEqualTo("/lookaside/" + mediaId)).withHeader("Authorization", equalTo("Bearer it-access-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(file)));
    }

    private static JsonNode send(String conversationId, Map<String, Object> body) {
        Api.Answer answer = sendAnswer(conversationId, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json();
    }

    private static Api.Answer sendAnswer(String conversationId, Map<String, Object> body) {
        return Api.postJson("/api/v1/conversations/" + conversationId + "/messages", Api.tokenFor("integrator"), body);
    }

    private static JsonNode awaitOutbound(String id, String status) {
        Api.Answer answer = Api.await(() -> Api.get("/api/v1/outbound/" + id, Api.tokenFor("integrator")),
                a -> a.status() == 200 && a.json().get("status").asText().equals(status));
        assertThat(answer.json().get("status").asText()).as(answer.body()).isEqualTo(status);
        return answer.json();
    }

    private static JsonNode awaitMedia(String conversationId, java.util.function.Predicate<JsonNode> done) {
        Api.Answer answer = Api.await(() -> Api.get("/api/v1/conversations/" + conversationId + "/media", Api.adminToken()),
                a -> a.status() == 200 && a.json().size() == 1 && done.test(a.json().get(0)));
        assertThat(answer.json().size()).as(answer.body()).isEqualTo(1);
        assertThat(done.test(answer.json().get(0))).as(answer.body()).isTrue();
        return answer.json().get(0);
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
