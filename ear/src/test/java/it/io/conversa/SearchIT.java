package it.io.conversa;

import static it.io.conversa.Api.adminToken;
import static it.io.conversa.Api.awaitJob;
import static it.io.conversa.Api.freshUserToken;
import static it.io.conversa.Api.importFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search over imported chats: ranked, highlighted, filtered, paged and scoped to what the caller may
 * read. The expected hits are read off the Pokémon fixture by eye (its 18 messages are short).
 */
class SearchIT {

    private static final String POKEMON = "exports/android_en_dmy-dots_24h_whatstk-pokemon.txt";
    private static final String SHORT_CHAT = "exports/android_en_dmy24_pustur-short-chat.txt";
    private static final String FRENCH = "exports/ios_fr_mdy-nocomma_brackets-seconds_whatsjson-FR.txt";

    private static String owner;
    private static String stranger;
    private static String pokemon;

    @BeforeAll
    static void oneUserImportsThePokemonChatAnotherAShortChat() {
        owner = freshUserToken();
        stranger = freshUserToken();
        pokemon = imported(owner, POKEMON);
        imported(stranger, SHORT_CHAT);
    }

    @Test
    void findsEveryMessageWithTheWordAndHighlightsIt() {
        JsonNode answer = search(owner, Map.of("query", "guys", "counts", true)).json;
        // "Hey guys!" (Ash), "Hey guys! Long time..." (Misty), "Guys, I am still in the first gym..." (Brock)
        assertThat(answer.get("total").asInt()).isEqualTo(3);
        assertThat(answer.get("totalExact").asBoolean()).isTrue();
        assertThat(answer.get("hits").findValuesAsText("author")).containsExactlyInAnyOrder("Ash Ketchum", "Misty", "Brock");
        assertThat(answer.get("hits").findValuesAsText("snippet")).allMatch(s -> s.toLowerCase().contains("<mark>guys</mark>"));
        assertThat(counts(answer.get("participants"))).containsEntry("Ash Ketchum", 1L).containsEntry("Misty", 1L)
                .containsEntry("Brock", 1L);
        assertThat(counts(answer.get("conversations"))).containsExactly(Map.entry("android_en_dmy-dots_24h_whatstk-pokemon", 3L));
    }

    @Test
    void countsAreOnlyComputedWhenAskedForButTheSmallTotalIsExact() {
        // counts visit every match; a plain page skips them (null: not computed, unlike an empty list)
        JsonNode answer = search(owner, Map.of("query", "guys")).json;
        assertThat(answer.get("total").asInt()).isEqualTo(3);
        assertThat(answer.get("totalExact").asBoolean()).isTrue();
        assertThat(answer.get("conversations").isNull()).isTrue();
        assertThat(answer.get("participants").isNull()).isTrue();
        assertThat(answer.get("hits")).hasSize(3);
    }

    @Test
    void theShorterMessageWithTheWordRanksFirst() {
        JsonNode hits = search(owner, Map.of("query", "guys")).json.get("hits");
        assertThat(hits.get(0).get("snippet").asText()).isEqualTo("Hey <mark>guys</mark>!");
        assertThat(hits.get(0).get("score").asDouble()).isGreaterThan(hits.get(2).get("score").asDouble());
    }

    @Test
    void phrasesExclusionsAndOrWorkAsOnTheWeb() {
        assertThat(snippets(search(owner, Map.of("query", "\"good to have\"")).json))
                .containsExactly("Hey Ash, <mark>good</mark> <mark>to</mark> <mark>have</mark> a common group!");
        // five messages say hey; two of them also say guys
        assertThat(search(owner, Map.of("query", "hey -guys")).json.get("hits").findValuesAsText("author"))
                .containsExactlyInAnyOrder("Brock", "Jessie & James", "Meowth");
        assertThat(search(owner, Map.of("query", "evolve OR holiday")).json.get("hits").findValuesAsText("author"))
                .containsExactlyInAnyOrder("Ash Ketchum", "Meowth");
    }

    @Test
    void aPhraseStaysAPhraseOnceNlpHasMarkedTheMessagesEnglish() {
        awaitNlpInTheIndex(owner, pokemon);
        // "to" and "have" are English stop words: a stemmed field without them would match "good" alone,
        // and Ash's "... is a good idea" with it.
        assertThat(snippets(search(owner, Map.of("query", "\"good to have\"")).json))
                .containsExactly("Hey Ash, <mark>good</mark> <mark>to</mark> <mark>have</mark> a common group!");
    }

    @Test
    void aNameOneLetterOffStillMatches() {
        assertThat(snippets(search(owner, Map.of("query", "Pikachi")).json)).singleElement().asString()
                .contains("<mark>Pikachu</mark>");
    }

    @Test
    void accentsNeedNotBeTyped() {
        String token = freshUserToken();
        imported(token, FRENCH);
        assertThat(snippets(search(token, Map.of("query", "chiffres")).json)).singleElement().asString()
                .contains("<mark>chiffrés</mark>");
    }

    @Test
    void filtersByParticipantDateAndType() {
        JsonNode all = search(owner, Map.of("query", "hey")).json;
        assertThat(all.get("total").asInt()).isEqualTo(5);
        String misty = participantId(all, "Misty");
        assertThat(search(owner, Map.of("query", "hey", "participants", List.of(Long.parseLong(misty)))).json
                .get("hits").findValuesAsText("author")).containsExactly("Misty");
        // 10 Aug (Jessie & James) and 11 Sep (Meowth) are the only "hey"s after the 6th
        assertThat(search(owner, Map.of("query", "hey", "from", "2016-08-07T00:00:00Z", "to", "2016-12-31T00:00:00Z")).json
                .get("hits").findValuesAsText("author")).containsExactlyInAnyOrder("Jessie & James", "Meowth");
        assertThat(search(owner, Map.of("query", "hey", "types", List.of("TEXT"))).json.get("total").asInt()).isEqualTo(5);
        assertThat(search(owner, Map.of("query", "hey", "types", List.of("POLL"))).json.get("total").asInt()).isZero();
        assertThat(search(owner, Map.of("query", "hey", "types", List.of("NOT_A_TYPE"))).status).isEqualTo(400);
    }

    @Test
    void pagesThroughRelevanceAndTimeOrderWithoutRepeats() {
        for (String order : List.of("relevance", "time")) {
            List<Long> seen = new ArrayList<>();
            List<String> times = new ArrayList<>();
            Map<String, Object> body = new HashMap<>(Map.of("query", "hey", "limit", 2, "order", order));
            int pages = 0;
            while (true) {
                JsonNode page = search(owner, body).json;
                pages++;
                page.get("hits").forEach(h -> {
                    seen.add(h.get("messageId").asLong());
                    times.add(h.get("sentAt").asText());
                });
                if (page.get("next").isNull()) {
                    break;
                }
                body.put("after", page.get("next").asText());
            }
            assertThat(pages).as(order).isEqualTo(3);
            assertThat(seen).as(order).hasSize(5).doesNotHaveDuplicates();
            if (order.equals("time")) {
                assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            }
        }
    }

    @Test
    void theLinkOpensTheConversationAtTheMessage() {
        JsonNode hit = search(owner, Map.of("query", "pokeball", "order", "time")).json.get("hits").get(0);
        JsonNode messages = Api.get(hit.get("link").asText(), owner).json();
        assertThat(messages.get("messages").get(0).get("id").asLong()).isEqualTo(hit.get("messageId").asLong());
        assertThat(messages.get("messages").get(0).get("text").asText()).isEqualTo("Smart-pokeball is created.");
    }

    @Test
    void aUserFindsNothingInConversationsTheyMayNotRead() {
        assertThat(search(stranger, Map.of("query", "guys")).json.get("total").asInt()).isZero();
        assertThat(search(stranger, Map.of("query", "guys", "conversations", List.of(pokemon))).json.get("total").asInt()).isZero();
        assertThat(search(adminToken(), Map.of("query", "guys", "conversations", List.of(pokemon))).json.get("total").asInt())
                .isEqualTo(3);
    }

    @Test
    void answersComeFromTheCacheUntilAConversationChanges() {
        String token = freshUserToken();
        awaitNlpInTheIndex(token, imported(token, POKEMON));
        Map<String, Object> query = Map.of("query", "crazy");
        assertThat(search(token, query).cache).isEqualTo("miss");
        assertThat(search(token, query).cache).isEqualTo("hit");
        imported(token, SHORT_CHAT);
        Found after = search(token, query);
        assertThat(after.cache).isEqualTo("miss");
        assertThat(after.json.get("total").asInt()).isEqualTo(2);
    }

    @Test
    void aMessageArrivingByWebhookIsFoundToo() throws IOException {
        var webhooks = Api.FIXTURES.resolve("webhooks");
        String signature = Api.JSON.readTree(webhooks.resolve("SIGNATURES.json").toFile()).at("/signatures/01_text.json").asText();
        Api.Answer accepted = Api.send(Api.request("/webhook/whatsapp", null).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .POST(BodyPublishers.ofByteArray(java.nio.file.Files.readAllBytes(webhooks.resolve("01_text.json")))));
        assertThat(accepted.status()).isEqualTo(200);
        // "Does it come in another color?" from Sheena Nelson; stored and indexed by the webhook consumer.
        // Other tests' messages may hold the phrase too, so the hit is looked for by its author.
        JsonNode hit = null;
        for (int i = 0; i < 80 && hit == null; i++) {
            JsonNode found = search(adminToken(), Map.of("query", "\"another color\"", "order", "time")).json;
            hit = java.util.stream.StreamSupport.stream(found.get("hits").spliterator(), false)
                    .filter(h -> h.get("author").asText().equals("Sheena Nelson")).findFirst().orElse(null);
            if (hit == null) {
                Api.pause();
            }
        }
        assertThat(hit).as("a hit by Sheena Nelson").isNotNull();
        assertThat(hit.get("snippet").asText()).contains("<mark>another</mark> <mark>color</mark>");
    }

    @Test
    void refusesQueriesWithNothingToFind() {
        assertThat(search(owner, Map.of("query", "-guys")).status).isEqualTo(400);
        assertThat(search(owner, Map.of("query", "guys", "order", "sideways")).status).isEqualTo(400);
        assertThat(search(owner, Map.of("query", "guys", "after", "bogus", "order", "time")).status).isEqualTo(400);
    }

    @Test
    void aReindexRebuildsTheIndexWithProgress() {
        String admin = adminToken();
        Api.Answer started = Api.send(Api.request("/api/v1/admin/search/reindex", admin).POST(BodyPublishers.noBody()));
        assertThat(started.status()).isEqualTo(202);
        long id = started.json().get("executionId").asLong();
        JsonNode progress = started.json();
        for (int i = 0; i < 120 && !progress.get("status").asText().equals("COMPLETED"); i++) {
            Api.pause();
            progress = Api.get("/api/v1/admin/search/reindex/" + id, admin).json();
            assertThat(progress.get("status").asText()).isIn("STARTING", "STARTED", "COMPLETED");
        }
        assertThat(progress.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(progress.get("indexed").asLong()).isEqualTo(progress.get("total").asLong()).isPositive();
        assertThat(search(owner, Map.of("query", "guys")).json.get("total").asInt()).isEqualTo(3);
    }

    /**
     * Waits until NLP's results for the Pokémon chat are in the index (Ash's "... is a good idea" is
     * found as English) and answers are cached again: NLP's re-index drops the cached answers once done.
     */
    private static void awaitNlpInTheIndex(String token, String conversation) {
        Map<String, Object> english = Map.of("query", "idea", "languages", List.of("en"), "conversations", List.of(conversation));
        Found found = search(token, english);
        for (int i = 0; i < 80 && !(found.json.get("total").asInt() > 0 && "hit".equals(found.cache)); i++) {
            Api.pause();
            found = search(token, english);
        }
        assertThat(found.json.get("hits").findValuesAsText("author")).as("the chat's English found as English").containsExactly("Ash Ketchum");
        assertThat(found.cache).isEqualTo("hit");
    }

    private record Found(int status, JsonNode json, String cache) {
    }

    private static Found search(String token, Map<String, ?> body) {
        try {
            HttpResponse<String> response = Api.HTTP.send(Api.request("/api/v1/search", token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(BodyPublishers.ofString(Api.JSON.writeValueAsString(body))).build(), BodyHandlers.ofString());
            return new Found(response.statusCode(), Api.JSON.readTree(response.body()),
                    response.headers().firstValue("X-Conversa-Cache").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String imported(String token, String fixture) {
        Api.Answer accepted = importFixture(token, fixture, "Europe/London");
        assertThat(awaitJob(token, accepted.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        return accepted.json().get("conversationId").asText();
    }

    private static List<String> snippets(JsonNode answer) {
        return answer.get("hits").findValuesAsText("snippet");
    }

    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> byName = new HashMap<>();
        counts.forEach(c -> byName.put(c.get("name").asText(), c.get("count").asLong()));
        return byName;
    }

    private static String participantId(JsonNode answer, String author) {
        for (JsonNode hit : answer.get("hits")) {
            if (hit.get("author").asText().equals(author)) {
                return hit.get("participantId").asText();
            }
        }
        throw new AssertionError("No hit by " + author);
    }
}
