package it.io.conversa;

import static it.io.conversa.Api.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meta's webhook as Meta calls it: the handshake, every fixture body signed as SIGNATURES.json says,
 * and what each stored, read back through the API.
 */
class WebhookIT {

    private static final Path WEBHOOKS = Api.FIXTURES.resolve("webhooks");
    private static final String TEXT_ID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";
    private static final String OUR_MESSAGE = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3QkE1RjI0RjhCQUY2QzNBODkA";
    private static JsonNode signatures;

    @BeforeAll
    static void everyFixtureBodyIsDelivered() throws IOException {
        signatures = Api.JSON.readTree(WEBHOOKS.resolve("SIGNATURES.json").toFile()).get("signatures");
        List<String> bodies;
        try (Stream<Path> files = Files.list(WEBHOOKS)) {
            bodies = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("\\d\\d_.*\\.json") && !n.startsWith("90_")).sorted().toList();
        }
        for (String name : bodies) {
            assertThat(post(Files.readAllBytes(WEBHOOKS.resolve(name)), signatures.get(name).asText()).status())
                    .as(name).isEqualTo(200);
        }
        awaitFacts(OUR_MESSAGE, facts -> facts.get("statuses").size() == 3 && facts.get("reactions").size() == 1);
        awaitFacts(TEXT_ID, facts -> !facts.get("revokedAt").isNull());
    }

    @Test
    void answersTheVerificationHandshakeOnlyWithTheRightToken() {
        Api.Answer ok = get("/webhook/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=it-verify-token", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(get("/webhook/whatsapp?hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong", null).status())
                .isEqualTo(403);
    }

    @Test
    void refusesBodiesWhoseSignatureIsMissingWrongOrOfOtherBytes() throws IOException {
        byte[] text = Files.readAllBytes(WEBHOOKS.resolve("01_text.json"));
        assertThat(post(Files.readAllBytes(WEBHOOKS.resolve("90_tampered_body_of_01_text.json")),
                signatures.get("90_tampered_body_of_01_text.json").asText()).status()).isEqualTo(401);
        assertThat(post(text, null).status()).isEqualTo(401);
        // The same JSON serialised again (the emoji as UTF-8 instead of \\uXXXX escapes) is other bytes.
        byte[] reaction = Files.readAllBytes(WEBHOOKS.resolve("13_reaction.json"));
        byte[] reserialised = Api.JSON.writeValueAsBytes(Api.JSON.readTree(reaction));
        assertThat(reserialised).isNotEqualTo(reaction);
        Api.Answer refused = post(reserialised, signatures.get("13_reaction.json").asText());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesBodiesLargerThanThreeMegabytes() {
        assertThat(post(new byte[3 * 1024 * 1024 + 1], "sha256=00").status()).isEqualTo(413);
    }

    @Test
    void storesATextOnceInTheContactsConversationHoweverOftenItArrives() throws IOException {
        JsonNode text = facts(TEXT_ID);
        assertThat(text.get("kind").asText()).isEqualTo("TEXT");
        assertThat(text.get("text").asText()).isEqualTo("Does it come in another color?");
        String conversation = "/api/v1/conversations/" + text.get("conversationId").asText();
        JsonNode before = get(conversation, Api.adminToken()).json();
        assertThat(before.at("/conversation/title").asText()).isEqualTo("Sheena Nelson");
        assertThat(before.at("/conversation/source").asText()).isEqualTo("CLOUD_API");
        JsonNode messages = get(conversation + "/messages?limit=100", Api.adminToken()).json().get("messages");
        JsonNode stored = messages.findParents("waMessageId").stream()
                .filter(m -> m.get("waMessageId").asText().equals(TEXT_ID)).findFirst().orElseThrow();
        assertThat(stored.get("direction").asText()).isEqualTo("IN");
        assertThat(stored.get("sentAt").asText()).isEqualTo("2025-06-08T20:59:43Z");

        assertThat(post(Files.readAllBytes(WEBHOOKS.resolve("01_text.json")), signatures.get("01_text.json").asText())
                .status()).isEqualTo(200);
        Api.pause();
        Api.pause();
        assertThat(get(conversation, Api.adminToken()).json().at("/conversation/messageCount").asInt())
                .isEqualTo(before.at("/conversation/messageCount").asInt());
    }

    @Test
    void storesEveryMessageTypeOfTheFixtures() {
        JsonNode image = facts("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJDMDAyAA==");
        assertThat(image.get("kind").asText()).isEqualTo("ATTACHMENT");
        assertThat(image.get("waType").asText()).isEqualTo("image");
        assertThat(image.get("text").asText()).isEqualTo("Is this the model?");
        assertThat(facts("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJDMDA0AA==").get("text").asText()).isEqualTo("Signed contract, see page 3");
        assertThat(facts("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJDMDA1AA==").get("waType").asText()).isEqualTo("audio");
        JsonNode location = facts("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJDMDA5AA==");
        assertThat(location.get("kind").asText()).isEqualTo("LOCATION");
        assertThat(location.get("text").asText()).isEqualTo("Meta HQ, 1 Hacker Way, Menlo Park, CA 94025");
        JsonNode button = facts("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJDMDE0AA==");
        assertThat(button.get("kind").asText()).isEqualTo("INTERACTIVE");
        assertThat(button.get("text").asText()).isEqualTo("Yes, confirm");
        assertThat(button.get("replyTo").asText()).isEqualTo(OUR_MESSAGE);
        assertThat(facts("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJDMDE3AA==").get("replyTo").asText()).isEqualTo(OUR_MESSAGE);
    }

    @Test
    void storesEveryEntryAndChangeOfABatch() {
        assertThat(facts("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQkFUQ0gwMQA=").get("text").asText()).isEqualTo("first");
        JsonNode namaste = facts("wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgUM0JBVENIMDIA");
        assertThat(namaste.get("text").asText()).isEqualTo("namaste 🙏");
        assertThat(get("/api/v1/conversations/" + namaste.get("conversationId").asText(), Api.adminToken())
                .json().at("/conversation/title").asText()).isEqualTo("Ravi Kumar");
        JsonNode failed = facts("wamid.HBgNNDkxNTEyMzQ1Njc4OBUCABEYEkZBSUxFRDEzMDQyOQA=");
        assertThat(failed.at("/statuses/0/status").asText()).isEqualTo("failed");
        assertThat(failed.at("/statuses/0/errorCode").asInt()).isEqualTo(131026);
    }

    @Test
    void keepsEachStatusOnceAndTheReactionOfAMessageSentBefore() {
        JsonNode ours = facts(OUR_MESSAGE);
        // sent (30), read (32, and again in 50: kept once), delivered (50), in the order of their
        // timestamps: the fixtures stamp the delivery after the read, which Meta allows.
        assertThat(ours.get("statuses").findValuesAsText("status")).containsExactly("sent", "read", "delivered");
        assertThat(ours.at("/reactions/0/emoji").asText()).isEqualTo("👍");
        assertThat(ours.at("/reactions/0/from").asText()).isEqualTo("16505551234");
        assertThat(facts("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGQUlMRUQxMzEwNDcA").at("/statuses/0/errorCode").asInt())
                .isEqualTo(131047);
    }

    @Test
    void marksAMessageRevokedByItsSender() {
        assertThat(facts(TEXT_ID).get("revokedAt").asText()).isEqualTo("2025-06-08T21:02:05Z");
    }

    @Test
    void storesATextAndANameHoldingU0000WithTheReplacementCharacter() {
        String wamid = "wamid.nul-" + UUID.randomUUID();
        String contact = "4477009" + (10_000 + Math.floorMod(wamid.hashCode(), 90_000)); // a conversation of its own
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\",\"phone_number_id\":"
                + "\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Nul\\u0000Name\"},\"wa_id\":\"" + contact + "\"}],"
                + "\"messages\":[{\"from\":\"" + contact + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"type\":\"text\",\"text\":{\"body\":\"a\\u0000b\"}}]},\"field\":\"messages\"}]}]}";
        assertThat(Api.signedWebhook(body).status()).isEqualTo(200);
        awaitFacts(wamid, facts -> true);
        JsonNode text = facts(wamid);
        assertThat(text.get("text").asText()).isEqualTo("a\uFFFDb");
        assertThat(get("/api/v1/conversations/" + text.get("conversationId").asText(), Api.adminToken())
                .json().at("/conversation/title").asText()).isEqualTo("Nul\uFFFDName");
    }

    private static Api.Answer post(byte[] body, String signature) {
        return Api.webhook(body, signature);
    }

    private static JsonNode facts(String waMessageId) {
        Api.Answer answer = get("/api/v1/whatsapp/messages/" + URLEncoder.encode(waMessageId, StandardCharsets.UTF_8),
                Api.adminToken());
        assertThat(answer.status()).as(waMessageId + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static void awaitFacts(String waMessageId, java.util.function.Predicate<JsonNode> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Api.Answer answer = get("/api/v1/whatsapp/messages/" + URLEncoder.encode(waMessageId, StandardCharsets.UTF_8),
                    Api.adminToken());
            if (answer.status() == 200 && ready.test(answer.json())) {
                return;
            }
            Api.pause();
        }
    }
}
