package it.io.conversa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person's rights over their number's data: an export holds their imported and Cloud API
 * messages and media, and after erasure nothing of theirs is found by the API, by a query of the
 * database or in object storage; an audit line says it happened.
 */
class PrivacyIT {

    @RegisterExtension
    static final FakeGraphApi graph = FakeGraphApi.shared();

    @Test
    void exportsThenErasesEverythingOfANumber() throws Exception {
        String phone = "+41" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L));
        String waId = phone.substring(1);

        // An export in which the number wrote, under its number (an unsaved contact) ...
        String export = Files.readString(Api.FIXTURES.resolve("exports/android_en_dmy24_pustur-short-chat.txt"))
                .replace("+410123456789", phone);
        JsonNode imported = Api.importFile(Api.adminToken(), "WhatsApp Chat with " + waId + ".txt",
                export.getBytes(StandardCharsets.UTF_8), "UTC").json();
        assertThat(Api.awaitJob(Api.adminToken(), imported.get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        String importedConversation = imported.get("conversationId").asText();

        // ... and a photo the number sent through the Cloud API.
        byte[] photo = "not really a jpeg, but bytes all the same".getBytes(StandardCharsets.UTF_8);
        String mediaId = "media-" + UUID.randomUUID();
        graph.stubFor(get(urlEqualTo("/v25.0/" + mediaId)).willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"url\":\""
                + graph.baseUrl() + "/lookaside/" + mediaId + "\",\"mime_type\":\"image/jpeg\",\"sha256\":\""
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo)) + "\",\"file_size\":\"" + photo.length
                + "\",\"id\":\"" + mediaId + "\"}")));
        graph.stubFor(get(urlEqualTo("/lookaside/" + mediaId)).willReturn(aResponse().withStatus(200).withBody(photo)));
        String wamid = "wamid." + UUID.randomUUID();
        // A word no other test writes, to look for in the search index.
        String word = "rx" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String caption = "my prescription " + word;
        Api.signedWebhook("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":"
                + "\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"" + waId + "\"}],\"messages\":[{\"from\":\""
                + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"type\":\"image\","
                + "\"image\":{\"caption\":\"" + caption + "\",\"mime_type\":\"image/jpeg\",\"id\":\"" + mediaId + "\"}}]},"
                + "\"field\":\"messages\"}]}]}");
        String cloudConversation = Api.await(() -> Api.get("/api/v1/whatsapp/messages/" + URLEncoder.encode(wamid, StandardCharsets.UTF_8),
                Api.adminToken()), a -> a.status() == 200).json().get("conversationId").asText();
        JsonNode media = Api.await(() -> Api.get("/api/v1/conversations/" + cloudConversation + "/media", Api.adminToken()),
                a -> a.json().size() == 1 && a.json().get(0).get("stored").asBoolean()).json().get(0);
        String mediaUrl = media.get("url").asText();
        // Then they edit the caption: the edit's text is theirs too.
        String edited = "my new prescription " + word;
        Api.signedWebhook(Api.webhookChange("messages", "\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"" + waId
                + "\"}],\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"wamid." + UUID.randomUUID() + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"type\":\"edit\",\"edit\":{\"original_message_id\":\"" + wamid
                + "\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\"" + edited + "\"}}}}]"));
        Api.await(() -> found(word), a -> a.json().get("total").asInt() == 1 && a.json().get("hits").get(0).get("snippet")
                .asText().contains("new prescription"));
        String upload = StoredObjects.uploadOf(imported.get("jobId").asText());
        assertThat(StoredObjects.exists(upload)).as("the uploaded export, before erasure").isTrue();

        assertThat(Api.postJson("/api/v1/privacy/export", Api.tokenFor("user"), Map.of("phone", phone)).status())
                .as("a user for another number").isEqualTo(403);
        assertThat(Api.postJson("/api/v1/privacy/export", Api.tokenFor("analyst"), Map.of("phone", phone)).status()).isEqualTo(403);

        Map<String, byte[]> zip = unzip(Api.HTTP.send(Api.request("/api/v1/privacy/export", Api.adminToken())
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"phone\":\"" + phone + "\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        String messages = new String(zip.get("messages.json"), StandardCharsets.UTF_8);
        assertThat(messages).contains("How are you?", edited, wamid);
        assertThat(new String(zip.get("edits.json"), StandardCharsets.UTF_8)).contains(wamid, edited);
        assertThat(messages).doesNotContain("Hey I'm a test too!"); // another participant's message
        assertThat(zip.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey()).startsWith("media/");
            assertThat(e.getValue()).isEqualTo(photo);
        });

        Api.Answer erased = Api.postJson("/api/v1/privacy/erase", Api.adminToken(), Map.of("phone", phone));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("erasedMessages").asInt()).isEqualTo(2);

        assertThat(Api.get("/api/v1/conversations/" + cloudConversation, Api.adminToken()).status()).isEqualTo(404);
        assertThat(Api.get("/api/v1/conversations/" + importedConversation + "/messages", Api.adminToken()).json()
                .get("messages").findValuesAsText("text")).doesNotContain("How are you?\n\nIs everything alright?")
                .contains("Hey I'm a test too!");
        assertThat(Api.count("SELECT count(*) FROM participant WHERE phone = ?", phone)).isZero();
        assertThat(Api.count("SELECT count(*) FROM conversation WHERE wa_contact_id = ?", waId)).isZero();
        assertThat(Api.count("SELECT count(*) FROM message WHERE body = ? OR wa_message_id = ?", caption, wamid)).isZero();
        assertThat(Api.count("SELECT count(*) FROM media_object WHERE wa_media_id = ?", mediaId)).isZero();
        HttpResponse<String> gone = Api.HTTP.send(HttpRequest.newBuilder(URI.create(mediaUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).as("the stored file").isEqualTo(404);
        assertThat(Api.count("SELECT count(*) FROM message_edit WHERE target_wa_id = ? OR body = ?", wamid, edited)).isZero();
        assertThat(StoredObjects.exists(upload)).as("the uploaded export, which holds their words").isFalse();
        assertThat(found(word).json().get("total").asInt()).as("search hits for their caption").isZero();

        JsonNode tombstone = Api.get("/api/v1/admin/audit?action=privacy.erase&target=" + waId, Api.adminToken()).json().get("entries");
        assertThat(tombstone).hasSize(1);
        assertThat(tombstone.get(0).get("outcome").asText()).isEqualTo("erased 2 messages");
    }

    private static Api.Answer found(String word) {
        return Api.postJson("/api/v1/search", Api.adminToken(), Map.of("query", word));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
