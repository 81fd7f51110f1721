package it.io.conversa;

import static it.io.conversa.Api.adminToken;
import static it.io.conversa.Api.awaitJob;
import static it.io.conversa.Api.get;
import static it.io.conversa.Api.importFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NLP through the API: an imported export's messages get enriched by the nlp queue's consumer
 * (language, sentiment, emotion, entities with offsets), the conversation shows its languages and
 * keywords, a Cloud API text is enriched once stored, the search index learns each message's language
 * and sentiment (indexed before NLP ran), and an admin's rerun of the conversation runs to completion with
 * its progress counted.
 */
class NlpIT {

    private static final String EXPORT = "exports/android_en_dmy24_whatsjson-EN+Media.txt";

    private static String conversationId;
    private static List<JsonNode> messages;

    @BeforeAll
    static void anImportedExportIsEnriched() {
        Api.Answer accepted = importFixture(adminToken(), EXPORT, "Europe/London");
        assertThat(awaitJob(adminToken(), accepted.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        conversationId = accepted.json().get("conversationId").asText();
        messages = awaitEnriched();
    }

    /** Polls the messages until every one carries its enrichment (or 120 s pass). */
    private static List<JsonNode> awaitEnriched() {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<JsonNode> page;
        do {
            page = new ArrayList<>();
            get("/api/v1/conversations/" + conversationId + "/messages?limit=1000", adminToken()).json().get("messages")
                    .forEach(page::add);
            if (!page.isEmpty() && page.stream().allMatch(m -> m.hasNonNull("enrichment"))) {
                return page;
            }
            Api.pause();
        } while (System.nanoTime() < deadline);
        return page;
    }

    private static JsonNode message(String text) {
        return messages.stream().filter(m -> text.equals(m.path("text").asText(null))).findFirst().orElseThrow();
    }

    @Test
    void everyMessageIsEnrichedAfterTheImport() {
        assertThat(messages).isNotEmpty().allMatch(m -> m.hasNonNull("enrichment"));
    }

    @Test
    void aPlaceWithALinkHasItsEntitiesAtTheirOffsets() {
        JsonNode place = messages.stream().filter(m -> m.path("text").asText("").startsWith("Pimlico Gardens")).findFirst()
                .orElseThrow();
        String text = place.get("text").asText();
        List<String> found = new ArrayList<>();
        for (JsonNode e : place.at("/enrichment/entities")) {
            found.add(e.get("kind").asText() + "=" + e.get("text").asText());
            assertThat(text.substring(e.get("start").asInt(), e.get("end").asInt())).isEqualTo(e.get("text").asText());
        }
        assertThat(found).contains("LOCATION=London", "LOCATION=United Kingdom",
                "URL=https://foursquare.com/v/4e89af95e5fa82ad4c0aa03b");
    }

    @Test
    void anEmojiIsPositiveWithoutALanguageAndEnglishIsEnglish() {
        JsonNode smile = message("😊").get("enrichment");
        assertThat(smile.get("language").asText()).isEqualTo("und");
        assertThat(smile.get("polarity").floatValue()).isPositive();
        assertThat(smile.get("emotion").asText()).isEqualTo("joy");
        assertThat(message("This message is reply to another").at("/enrichment/language").asText()).isEqualTo("en");
    }

    @Test
    void aMessageWithoutTextIsMarkedButHasNoLanguage() {
        JsonNode media = messages.stream().filter(m -> m.get("kind").asText().equals("DELETED")).findFirst().orElseThrow();
        assertThat(media.at("/enrichment/enrichedAt").isNull()).isFalse();
        assertThat(media.at("/enrichment/language").isNull()).isTrue();
    }

    @Test
    void theConversationShowsItsLanguagesAndKeywords() {
        JsonNode nlp = get("/api/v1/conversations/" + conversationId + "/nlp", adminToken()).json();
        assertThat(nlp.get("enriched").asLong()).isEqualTo(nlp.get("messages").asLong()).isEqualTo(messages.size());
        assertThat(nlp.at("/languages/en").asLong()).isPositive();
        List<String> phrases = new ArrayList<>();
        nlp.at("/keywords/all").forEach(k -> phrases.add(k.get("phrase").asText()));
        // "Deeted message above" is written twice in the export: a three-word phrase that occurs twice.
        assertThat(phrases).contains("deeted message above");
    }

    @Test
    void anAdminRerunsTheConversationAndSeesItsProgress() {
        Api.Answer started = Api.postJson("/api/v1/admin/nlp/rerun", adminToken(), Map.of("conversationId", conversationId));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long execution = started.json().get("executionId").asLong();
        JsonNode progress;
        int polls = 0;
        do {
            Api.pause();
            progress = get("/api/v1/admin/nlp/rerun/" + execution, adminToken()).json();
        } while (!progress.get("status").asText().equals("COMPLETED") && !progress.get("status").asText().equals("FAILED")
                && ++polls < 400);
        assertThat(progress.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(progress.get("conversationsTotal").asInt()).isEqualTo(1);
        assertThat(progress.get("conversationsDone").asInt()).isEqualTo(1);
        assertThat(progress.get("messagesDone").asLong()).isEqualTo(messages.size());
        assertThat(progress.get("conversationId").asText()).isEqualTo(conversationId);
    }

    @Test
    void aWebhookTextIsEnrichedOnceStored() throws Exception {
        String body = "Could you tell me whether this jacket also comes in a darker shade, please?";
        JsonNode text = enrichedWebhookText("Jo", body).message();
        assertThat(text.hasNonNull("enrichment")).as("the webhook text enriched within 60 s").isTrue();
        assertThat(text.get("text").asText()).isEqualTo(body);
        assertThat(text.at("/enrichment/language").asText()).isEqualTo("en");
    }

    @Test
    void anImportedMessageIsFoundByTheLanguageAndSentimentNlpGaveIt() {
        JsonNode reply = message("This message is reply to another");
        String band = band(reply.at("/enrichment/polarity").floatValue());
        String other = band.equals("neutral") ? "positive" : "neutral";
        Map<String, Object> query = Map.of("query", "reply", "conversations", List.of(conversationId));
        // The index took the message at import, before NLP: only a re-index after NLP lets the filters find it.
        assertThat(awaitFound(withFilters(query, "en", band), "This message is <mark>reply</mark> to another"))
                .as("found as English and " + band).isTrue();
        assertThat(snippets(search(withFilters(query, "fr", band)))).isEmpty();
        assertThat(snippets(search(withFilters(query, "en", other)))).doesNotContain("This message is <mark>reply</mark> to another");
    }

    @Test
    void aWebhookTextEnrichedAfterItWasIndexedIsFoundByItsLanguageAndSentimentAsAPhrase() throws Exception {
        Delivered delivered = enrichedWebhookText("Kim", "Thank you so much, the blue scarf arrived today and it is lovely!");
        String conversation = delivered.conversation();
        JsonNode text = delivered.message();
        assertThat(text.at("/enrichment/language").asText()).isEqualTo("en");
        String band = band(text.at("/enrichment/polarity").floatValue());
        Map<String, Object> query = Map.of("query", "\"blue scarf\"", "conversations", List.of(conversation));
        assertThat(awaitFound(withFilters(query, "en", band), "the <mark>blue</mark> <mark>scarf</mark> arrived"))
                .as("the phrase found in English and " + band).isTrue();
        // Stemmed in its language now: "arrives" finds "arrived" (not in the accent-folded field alone).
        assertThat(snippets(search(withFilters(Map.of("query", "arrives", "conversations", List.of(conversation)), "en", band))))
                .singleElement().asString().contains("<mark>arrived</mark>");
    }

    private static String band(float polarity) {
        return polarity >= 0.1f ? "positive" : polarity <= -0.1f ? "negative" : "neutral";
    }

    private static Map<String, Object> withFilters(Map<String, Object> query, String language, String sentiment) {
        Map<String, Object> body = new java.util.HashMap<>(query);
        body.put("languages", List.of(language));
        body.put("sentiment", sentiment);
        return body;
    }

    private static JsonNode search(Map<String, Object> body) {
        Api.Answer answer = Api.postJson("/api/v1/search", adminToken(), body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> snippets(JsonNode answer) {
        return answer.get("hits").findValuesAsText("snippet");
    }

    /** Searches until a hit's snippet contains {@code snippet} (the index is refreshed once NLP's pages are in it), or 60 s pass. */
    private static boolean awaitFound(Map<String, Object> body, String snippet) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            if (snippets(search(body)).stream().anyMatch(s -> s.contains(snippet))) {
                return true;
            }
            Api.pause();
        } while (System.nanoTime() < deadline);
        return false;
    }

    @Test
    void aRerunOfAnUnknownConversationIsNotFound() {
        Api.Answer answer = Api.postJson("/api/v1/admin/nlp/rerun", adminToken(),
                Map.of("conversationId", "00000000-0000-0000-0000-000000000000"));
        assertThat(answer.status()).isEqualTo(404);
    }

    /** A webhook text message and its conversation, as the API shows it once enriched (or after 60 s). */
    private record Delivered(String conversation, JsonNode message) {
    }

    /**
     * Sends {@code body} by webhook from a contact of its own, so that what other tests delivered to
     * the fixtures' contact does not count as evidence, and waits for its enrichment.
     */
    private static Delivered enrichedWebhookText(String name, String body) throws Exception {
        String contact = "4420" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String wamid = "wamid.nlp-" + UUID.randomUUID();
        assertThat(Api.signedWebhook(Api.webhookChange("messages", "\"contacts\":[{\"profile\":{\"name\":\"" + name
                + "\"},\"wa_id\":\"" + contact + "\"}],\"messages\":[{\"from\":\"" + contact + "\",\"id\":\"" + wamid
                + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\""
                + body + "\"}}]")).status()).isEqualTo(200);
        String conversation = Api.conversationOf(wamid);
        JsonNode message = Api.await(() -> get("/api/v1/conversations/" + conversation + "/messages", adminToken()),
                a -> a.json().get("messages").get(0).hasNonNull("enrichment")).json().get("messages").get(0);
        return new Delivered(conversation, message);
    }
}
