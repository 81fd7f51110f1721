package it.io.conversa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention: an admin's on-demand run with {@code ?days=30} deletes an imported chat from 2017 (and the
 * uploaded export that holds it) and a Cloud API photo from 400 days ago (its status, reaction, edit and
 * stored file too, and both conversations, left empty), a send from 400 days ago with its status, and
 * a status of a message never stored; it keeps a message and a send from today, and leaves an audit
 * line. The period is passed in the request rather than through CONVERSA_RETENTION_DAYS so the nightly
 * timer never runs in the other ITs.
 */
class RetentionIT {

    @RegisterExtension
    static final FakeGraphApi graph = FakeGraphApi.shared();

    @Test
    void deletesWhatIsOlderThanThePeriodAndKeepsTheRest() throws Exception {
        JsonNode imported = Api.importFixture(Api.adminToken(), "exports/android_en_dmy24_pustur-short-chat.txt", "UTC").json();
        assertThat(Api.awaitJob(Api.adminToken(), imported.get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        String importedConversation = imported.get("conversationId").asText();
        String upload = StoredObjects.uploadOf(imported.get("jobId").asText());
        assertThat(StoredObjects.exists(upload)).as("the uploaded export, kept after its import").isTrue();

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
        webhook(oldContact, "{\"from\":\"" + oldContact + "\",\"id\":\"wamid." + UUID.randomUUID() + "\",\"timestamp\":\"" + longAgo
                + "\",\"type\":\"edit\",\"edit\":{\"original_message_id\":\"" + oldWamid
                + "\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\"an old edit\"}}}}");
        String neverStored = "wamid.never-stored-" + UUID.randomUUID();
        statusWebhook(neverStored, longAgo);
        assertThat(Api.await(() -> counted("SELECT count(*) FROM message_edit WHERE target_wa_id = ?", oldWamid), a -> a.body().equals("1"))
                .body()).as("the edit, stored").isEqualTo("1");
        assertThat(Api.await(() -> counted("SELECT count(*) FROM message_status WHERE wa_message_id = ?", neverStored),
                a -> a.body().equals("1")).body()).as("the status of a message never stored").isEqualTo("1");

        String recentContact = contact();
        String recentWamid = "wamid." + UUID.randomUUID();
        webhook(recentContact, "{\"from\":\"" + recentContact + "\",\"id\":\"" + recentWamid + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"still here\"}}");
        String recentConversation = Api.await(() -> Api.get("/api/v1/whatsapp/messages/" + encode(recentWamid), Api.adminToken()),
                a -> a.status() == 200 && a.json().hasNonNull("conversationId")).json().get("conversationId").asText();

        String oldSendWamid = "wamid.old-send-" + UUID.randomUUID();
        graph.stubFor(post(urlPathMatching("/v25.0/.*/messages")).willReturn(okJson("{\"messaging_product\":\"whatsapp\","
                + "\"contacts\":[{\"input\":\"" + recentContact + "\",\"wa_id\":\"" + recentContact + "\"}],\"messages\":[{\"id\":\""
                + oldSendWamid + "\"}]}")));
        String oldSend = sent(recentConversation, "a reply sent long ago " + UUID.randomUUID());
        statusWebhook(oldSendWamid, longAgo);
        assertThat(Api.await(() -> counted("SELECT count(*) FROM message_status WHERE wa_message_id = ?", oldSendWamid),
                a -> a.body().equals("1")).body()).as("the old send's status").isEqualTo("1");
        // A send cannot be made in the past: this one and the message it became are aged in the database,
        // as 400 days would age them.
        try (Connection db = Api.database(false);
                PreparedStatement send = db.prepareStatement("UPDATE outbound_message SET created_at = now() - interval '400 days'"
                        + " WHERE id = CAST(? AS uuid)");
                PreparedStatement message = db.prepareStatement("UPDATE message SET sent_at = now() - interval '400 days'"
                        + " WHERE wa_message_id = ?")) {
            send.setString(1, oldSend);
            assertThat(send.executeUpdate()).isEqualTo(1);
            message.setString(1, oldSendWamid);
            assertThat(message.executeUpdate()).isEqualTo(1);
        }
        graph.stubFor(post(urlPathMatching("/v25.0/.*/messages")).willReturn(okJson("{\"messaging_product\":\"whatsapp\","
                + "\"contacts\":[{\"input\":\"" + recentContact + "\",\"wa_id\":\"" + recentContact + "\"}],\"messages\":[{\"id\":\""
                + "wamid.recent-send-" + UUID.randomUUID() + "\"}]}")));
        String recentSend = sent(recentConversation, "a reply of today");

        Api.Answer started = Api.send(Api.request("/api/v1/admin/jobs/retention?days=30", Api.adminToken()).POST(BodyPublishers.noBody()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode execution = Api.await(() -> Api.get("/api/v1/admin/batch/executions/" + started.json().get("executionId").asLong(),
                Api.adminToken()), a -> a.json().get("status").asText().matches("COMPLETED|FAILED")).json();
        assertThat(execution.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(execution.get("exitStatus").asText()).as(execution.toString()).contains("empty conversations");

        assertThat(Api.get("/api/v1/conversations/" + importedConversation, Api.adminToken()).status()).isEqualTo(404);
        assertThat(Api.get("/api/v1/conversations/" + oldConversation, Api.adminToken()).status()).isEqualTo(404);
        assertThat(Api.get("/api/v1/whatsapp/messages/" + encode(oldWamid), Api.adminToken()).status()).isEqualTo(404);
        assertThat(Api.count("SELECT count(*) FROM message_reaction WHERE target_wa_id = ?", oldWamid)).isZero();
        assertThat(Api.count("SELECT count(*) FROM media_object WHERE wa_media_id = ?", mediaId)).isZero();
        HttpResponse<String> file = Api.HTTP.send(HttpRequest.newBuilder(URI.create(mediaUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).as("the stored photo").isEqualTo(404);
        assertThat(StoredObjects.exists(upload)).as("the uploaded export").isFalse();
        assertThat(Api.get("/api/v1/jobs/" + imported.get("jobId").asText(), Api.adminToken()).status()).as("its import").isEqualTo(404);
        assertThat(Api.count("SELECT count(*) FROM message_edit WHERE target_wa_id = ?", oldWamid)).as("the old edit").isZero();
        assertThat(Api.count("SELECT count(*) FROM message_status WHERE wa_message_id = ?", neverStored)).isZero();

        assertThat(Api.get("/api/v1/outbound/" + oldSend, Api.adminToken()).status()).as("the old send").isEqualTo(404);
        assertThat(Api.count("SELECT count(*) FROM outbound_message WHERE id = CAST(? AS uuid)", oldSend)).isZero();
        assertThat(Api.count("SELECT count(*) FROM message_status WHERE wa_message_id = ?", oldSendWamid)).isZero();
        assertThat(Api.get("/api/v1/outbound/" + recentSend, Api.adminToken()).status()).as("today's send").isEqualTo(200);

        List<String> kept = new ArrayList<>();
        Api.get("/api/v1/conversations/" + recentConversation + "/messages", Api.adminToken()).json().get("messages")
                .forEach(m -> kept.add(m.get("text").asText()));
        assertThat(kept).containsExactly("still here", "a reply of today");
        assertThat(Api.count("SELECT count(*) FROM message WHERE sent_at < now() - interval '30 days'")).isZero();

        JsonNode audit = Api.get("/api/v1/admin/audit?action=retention", Api.adminToken()).json().get("entries");
        assertThat(audit.get(0).get("outcome").asText()).matches("deleted [1-9][0-9]* messages");
        assertThat(execution.get("exitStatus").asText()).matches("deleted [1-9][0-9]* messages, ([2-9]|[1-9][0-9]+) stored files,"
                + " ([2-9]|[1-9][0-9]+) empty conversations, [1-9][0-9]* sends, [1-9][0-9]* events, [0-9]+ imports");
    }

    @Test
    void refusesToRunWhenRetentionIsOffAndNoPeriodIsGiven() {
        Api.Answer refused = Api.send(Api.request("/api/v1/admin/jobs/retention", Api.adminToken()).POST(BodyPublishers.noBody()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Retention is off");
        assertThat(Api.send(Api.request("/api/v1/admin/jobs/retention?days=0", Api.adminToken()).POST(BodyPublishers.noBody()))
                .status()).isEqualTo(400);
    }

    /** Sends {@code text} into a Cloud API conversation; returns the send's id. */
    private static String sent(String conversation, String text) {
        Api.Answer queued = Api.postJson("/api/v1/conversations/" + conversation + "/messages", Api.adminToken(), Map.of("text", text));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        String id = queued.json().get("id").asText();
        assertThat(Api.await(() -> Api.get("/api/v1/outbound/" + id, Api.adminToken()), a -> a.json().path("status").asText().equals("SENT"))
                .json().path("status").asText()).isEqualTo("SENT");
        return id;
    }

    private static void statusWebhook(String wamid, long at) {
        assertThat(Api.signedWebhook(Api.webhookChange("messages", "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"delivered\","
                + "\"timestamp\":\"" + at + "\",\"recipient_id\":\"" + contact() + "\"}]")).status()).isEqualTo(200);
    }

    /** A count from the database, as an answer {@link Api#await} can poll. */
    private static Api.Answer counted(String sql, String value) {
        try {
            return new Api.Answer(200, "text/plain", Long.toString(Api.count(sql, value)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
