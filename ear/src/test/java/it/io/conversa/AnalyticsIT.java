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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analytics job over an imported chat, checked against figures counted by hand in the Pokémon
 * fixture: messages and words per participant, one response time, the busiest day and hour.
 */
class AnalyticsIT {

    private static final String POKEMON = "exports/android_en_dmy-dots_24h_whatstk-pokemon.txt";

    private static String owner;
    private static String conversation;
    private static JsonNode analytics;

    @BeforeAll
    static void aUserImportsTheChatAndTheJobRuns() {
        owner = freshUserToken();
        Api.Answer accepted = importFixture(owner, POKEMON, "Europe/London");
        assertThat(awaitJob(owner, accepted.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        conversation = accepted.json().get("conversationId").asText();
        // NLP's keywords and topics land after the import; the analytics answer shows its topics.
        for (int i = 0; i < 120 && !Api.get("/api/v1/conversations/" + conversation + "/nlp", owner).json()
                .hasNonNull("termsComputedAt"); i++) {
            Api.pause();
        }
        assertThat(runJob()).isEqualTo("COMPLETED");
        analytics = Api.get("/api/v1/conversations/" + conversation + "/analytics", owner).json();
    }

    @Test
    void countsMessagesAndWordsPerParticipant() {
        Map<String, Long> messages = bars(analytics.get("participants"), "messages");
        assertThat(messages).containsEntry("Ash Ketchum", 4L).containsEntry("Misty", 4L).containsEntry("Brock", 3L)
                .containsEntry("Prof. Oak", 2L).containsEntry("Raichu", 2L).containsEntry("Jessie & James", 1L)
                .containsEntry("Meowth", 1L).containsEntry("Wobbuffet", 1L).hasSize(8);
        // "Hey guys!" 2 + "Indeed. I think having a WhatsApp group nowadays is a good idea" 12
        // + "I don't mind Prof. I quit capturing Pokemon." 8 + "FFS, no way, Pikachu did you evolve?" 7
        assertThat(bars(analytics.get("participants"), "words")).containsEntry("Ash Ketchum", 29L);
        assertThat(analytics.at("/totals/messages").asLong()).isEqualTo(20);
    }

    @Test
    void measuresTheTimeOneParticipantTookToAnswerAnother() {
        JsonNode replies = analytics.get("responseTimes");
        int brock = index(replies.get("labels"), "Brock");
        int ash = index(replies.get("labels"), "Ash Ketchum");
        int misty = index(replies.get("labels"), "Misty");
        // 06.08.2016 13:23 Ash "Hey guys!" -> 13:25 Brock "Hey Ash, ..."; 13:25 Brock -> 13:30 Misty
        assertThat(replies.at("/averageSeconds/" + brock + "/" + ash).asDouble()).isEqualTo(120.0);
        assertThat(replies.at("/replies/" + brock + "/" + ash).asLong()).isEqualTo(1);
        assertThat(replies.at("/medianSeconds/" + misty + "/" + brock).asDouble()).isEqualTo(300.0);
    }

    @Test
    void findsTheBusiestDayAndHourInTheChatsOwnTime() {
        // 6 Aug 2016 holds 7 messages (13:18 to 17:25 wall time); 13:00 is the busiest hour of the chat (6)
        assertThat(analytics.at("/peaks/day/day").asText()).isEqualTo("2016-08-06");
        assertThat(analytics.at("/peaks/day/messages").asLong()).isEqualTo(7);
        assertThat(analytics.at("/peaks/hour/hour").asInt()).isEqualTo(13);
        assertThat(analytics.at("/heatmap/rows/5").asText()).isEqualTo("Sat");
        assertThat(analytics.at("/heatmap/data/5/13").asLong()).isEqualTo(5);
    }

    @Test
    void seriesFollowThePeriodAndGranularity() {
        JsonNode august = Api.get("/api/v1/conversations/" + conversation
                + "/analytics?from=2016-08-01&to=2016-08-31&granularity=month", owner).json();
        assertThat(august.at("/activity/labels").size()).isEqualTo(1);
        assertThat(august.at("/activity/labels/0").asText()).isEqualTo("2016-08-01T00:00");
        // 20 messages minus the April notice, the September and the two October ones
        assertThat(august.at("/activity/series/0/data/0").asLong()).isEqualTo(16);
        assertThat(Api.get("/api/v1/conversations/" + conversation + "/analytics?granularity=decade", owner).status()).isEqualTo(400);
    }

    @Test
    void answersWithAnETagAndNotModifiedWhenNothingChanged() throws Exception {
        HttpResponse<String> first = fetch(null);
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(fetch(tag).statusCode()).isEqualTo(304);
    }

    @Test
    void aSecondRunLeavesAnUnchangedConversationAlone() {
        String computed = analytics.get("computedAt").asText();
        assertThat(runJob()).isEqualTo("COMPLETED");
        assertThat(Api.get("/api/v1/conversations/" + conversation + "/analytics", owner).json().get("computedAt").asText())
                .isEqualTo(computed);
    }

    @Test
    void showsTheTopicsNlpFoundLabelledByTheirTopTerms() {
        // Same topics as the conversation's NLP view, each labelled by its first five terms. (The
        // 20-message fixture may be too short for NLP to model topics; then both are empty.)
        JsonNode nlp = Api.get("/api/v1/conversations/" + conversation + "/nlp", owner).json();
        java.util.List<String> expected = new java.util.ArrayList<>();
        nlp.at("/topics/all").forEach(t -> {
            java.util.List<String> terms = new java.util.ArrayList<>();
            t.get("terms").forEach(term -> terms.add(term.asText()));
            expected.add(String.join(", ", terms.subList(0, Math.min(5, terms.size()))));
        });
        java.util.List<String> shown = new java.util.ArrayList<>();
        analytics.at("/topics/all/labels").forEach(l -> shown.add(l.asText()));
        assertThat(analytics.at("/topics/all/series/0/name").asText()).isEqualTo("share of words");
        assertThat(analytics.at("/topics/months").isArray()).isTrue();
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void onlyThoseWhoMayReadTheConversationSeeItsAnalytics() {
        assertThat(Api.get("/api/v1/conversations/" + conversation + "/analytics", freshUserToken()).status()).isEqualTo(404);
        assertThat(Api.get("/api/v1/conversations/" + conversation + "/analytics", adminToken()).status()).isEqualTo(200);
        JsonNode overview = Api.get("/api/v1/analytics/overview", owner).json();
        assertThat(overview.at("/totals/conversations").asLong()).isEqualTo(1);
        assertThat(overview.at("/totals/messages").asLong()).isEqualTo(20);
        assertThat(Api.get("/api/v1/analytics/overview", freshUserToken()).json().at("/totals/messages").asLong()).isZero();
    }

    /** Runs the analytics job as admin and waits for it; returns its batch status. */
    static String runJob() {
        String admin = adminToken();
        Api.Answer started = Api.send(Api.request("/api/v1/admin/jobs/analytics", admin).POST(BodyPublishers.noBody()));
        assertThat(started.status()).isEqualTo(202);
        long id = started.json().get("executionId").asLong();
        String status = started.json().get("status").asText();
        for (int i = 0; i < 120 && !status.equals("COMPLETED") && !status.equals("FAILED"); i++) {
            Api.pause();
            status = Api.get("/api/v1/admin/batch/executions/" + id, admin).json().get("status").asText();
        }
        return status;
    }

    private static HttpResponse<String> fetch(String ifNoneMatch) {
        var request = Api.request("/api/v1/conversations/" + conversation + "/analytics", owner).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return Api.HTTP.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> bars(JsonNode chart, String measure) {
        JsonNode series = null;
        for (JsonNode s : chart.get("series")) {
            if (s.get("name").asText().equals(measure)) {
                series = s.get("data");
            }
        }
        Map<String, Long> byName = new HashMap<>();
        for (int i = 0; i < chart.get("labels").size(); i++) {
            byName.put(chart.get("labels").get(i).asText(), series.get(i).asLong());
        }
        return byName;
    }

    private static int index(JsonNode labels, String name) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("No " + name + " in " + labels);
    }
}
