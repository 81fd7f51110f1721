package it.io.conversa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retention: an admin's on-demand run with {@code ?days=30} deletes an imported chat from 2017 and a
 * Cloud API photo from 400 days ago (its status, reaction and stored file too, and both conversations,
 * left empty), keeps a message from today, and leaves an audit line. The period is passed in the
 * request rather than through CONVERSA_RETENTION_DAYS so the nightly timer never runs in the other ITs.
 */
class RetentionIT {

    private static WireMockServer graph;

    @BeforeAll
    static void fakeTheGraphApi() {
        graph = new WireMockServer(options().port(Integer.getInteger("it.graph.port")));
        graph.start();
    }

    @AfterAll
    static void stopFaking() {
        graph.stop();
    }

    @Test
    void deletesWhatIsOlderThanThePeriodAndKeepsTheRest() throws Exception {
        JsonNode imported = Api.importFixture(Api.adminToken(), "exports/android_en_dmy24_pustur-short-chat.txt", "UTC").json();
        assertThat(Api.awaitJob(Api.adminToken(), imported.get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        String importedConversation = imported.get("conversationId").asText();

        String oldContact = contact();
        String oldWamid = "wamid." + UUID.randomUUID();
        byte[] photo = ("an old photo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String mediaId = "media-" + UUID.randomUUID();
        graph.stubFor(get(urlEqualTo("/v25.0/" + mediaId)).willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"url\":\""
                + graph.baseUrl() + "/lookaside/" + mediaId + "\",\"mime_type\":\"image/jpeg\",\"sha256\":\""
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo)) + "\",\"file_size\":\"" + photo.length
                + "\",\"id\":\"" + mediaId + "\"}")));
        graph.stubFor(get(urlEqualTo("/lookaside/" + mediaId)).willReturn(aResponse().withStatus(200).withBody(photo)));
        long longAgo = Instant.now().minus(Duration.ofDays(400)).getEpochSecond();
        webhook(oldContact, "{\"from\":\"" + oldContact + "\",\"id\":\"" + oldWamid + "\",\"timestamp\":\"" + longAgo
                + "\",\"type\":\"image\",\"image\":{\"caption\":\"old\",\"mime_type\":\"image/jpeg\",\"id\":\"" + mediaId + "\"}}");
        String oldConversation = Api.await(() -> Api.get("/api/v1/whatsapp/messages/" + encode(oldWamid), Api.adminToken()),
                a -> a.status() == 200 && a.json().hasNonNull("conversationId")).json().get("conversationId").asText();
        webhook(oldContact, "{\"from\":\"" + oldContact + "\",\"id\":\"wamid." + UUID.randomUUID() + "\",\"timestamp\":\"" + longAgo
                + "\",\"type\":\"reaction\",\"reaction\":{\"message_id\":\"" + oldWamid + "\",\"emoji\":\"\\uD83D\\uDC4D\"}}");
        Api.Answer media = Api.await(() -> Api.get("/api/v1/conversations/" + oldConversation + "/media", Api.adminToken()),
                a -> a.json().size() == 1 && (a.json().get(0).get("stored").asBoolean() || a.json().get(0).hasNonNull("downloadError")));
        assertThat(media.json().path(0).path("stored").asBoolean()).as(media.body()).isTrue();
        String mediaUrl = media.json().get(0).get("url").asText();
        assertThat(Api.await(() -> Api.get("/api/v1/whatsapp/messages/" + encode(oldWamid), Api.adminToken()),
                a -> a.json().path("reactions").size() == 1).json().path("reactions").size()).as("the reaction, stored").isEqualTo(1);

        String recentContact = contact();
        String recentWamid = "wamid." + UUID.randomUUID();
        webhook(recentContact, "{\"from\":\"" + recentContact + "\",\"id\":\"" + recentWamid + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"still here\"}}");
        String recentConversation = Api.await(() -> Api.get("/api/v1/whatsapp/messages/" + encode(recentWamid), Api.adminToken()),
                a -> a.status() == 200 && a.json().hasNonNull("conversationId")).json().get("conversationId").asText();

        Api.Answer started = Api.send(Api.request("/api/v1/admin/jobs/retention?days=30", Api.adminToken()).POST(BodyPublishers.noBody()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode execution = Api.await(() -> Api.get("/api/v1/admin/batch/executions/" + started.json().get("executionId").asLong(),
                Api.adminToken()), a -> a.json().get("status").asText().matches("COMPLETED|FAILED")).json();
        assertThat(execution.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(execution.get("exitStatus").asText()).contains("empty conversations");

        assertThat(Api.get("/api/v1/conversations/" + importedConversation, Api.adminToken()).status()).isEqualTo(404);
        assertThat(Api.get("/api/v1/conversations/" + oldConversation, Api.adminToken()).status()).isEqualTo(404);
        assertThat(Api.get("/api/v1/whatsapp/messages/" + encode(oldWamid), Api.adminToken()).status()).isEqualTo(404);
        assertThat(Api.count("SELECT count(*) FROM message_reaction WHERE target_wa_id = ?", oldWamid)).isZero();
        assertThat(Api.count("SELECT count(*) FROM media_object WHERE wa_media_id = ?", mediaId)).isZero();
        HttpResponse<String> file = Api.HTTP.send(HttpRequest.newBuilder(URI.create(mediaUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).as("the stored photo").isEqualTo(404);

        assertThat(Api.get("/api/v1/conversations/" + recentConversation + "/messages", Api.adminToken()).json().get("messages")
                .findValuesAsText("text")).containsExactly("still here");
        assertThat(Api.count("SELECT count(*) FROM message WHERE sent_at < now() - interval '30 days'")).isZero();

        JsonNode audit = Api.get("/api/v1/admin/audit?action=retention", Api.adminToken()).json().get("entries");
        assertThat(audit.get(0).get("outcome").asText()).matches("deleted [1-9][0-9]* messages");
        assertThat(execution.get("exitStatus").asText()).matches("deleted [1-9][0-9]* messages, [1-9][0-9]* media files, ([2-9]|[1-9][0-9]+) empty conversations");
    }

    @Test
    void refusesToRunWhenRetentionIsOffAndNoPeriodIsGiven() {
        Api.Answer refused = Api.send(Api.request("/api/v1/admin/jobs/retention", Api.adminToken()).POST(BodyPublishers.noBody()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Retention is off");
        assertThat(Api.send(Api.request("/api/v1/admin/jobs/retention?days=0", Api.adminToken()).POST(BodyPublishers.noBody()))
                .status()).isEqualTo(400);
    }

    private static String contact() {
        return "44" + (7_000_000_000L + ThreadLocalRandom.current().nextLong(999_999_999L));
    }

    private static void webhook(String waId, String message) {
        Api.Answer answer = Api.signedWebhook("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Old\"},\"wa_id\":\"" + waId
                + "\"}],\"messages\":[" + message + "]},\"field\":\"messages\"}]}]}");
        assertThat(answer.status()).isEqualTo(200);
    }

    private static String encode(String wamid) {
        return URLEncoder.encode(wamid, StandardCharsets.UTF_8);
    }
}
