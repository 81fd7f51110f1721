package it.io.conversa;

import static it.io.conversa.Api.awaitJob;
import static it.io.conversa.Api.freshUserToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analytics job after a later export of a chat merged into it: the run computes only the days the
 * new messages fell on, and what it answers is what a full computation of the whole chat answers
 * (another user imports the whole chat at once), with sessions and replies that cross midnight and
 * the end of a month checked by hand.
 */
class IncrementalAnalyticsIT {

    /** The first export: five messages; a session from 30 Aug 23:50 runs past midnight. */
    private static final List<String> FIRST = List.of(
            "30.08.2016, 20:00 - Ana: Are we meeting tomorrow?",
            "30.08.2016, 20:10 - Ben: Yes, at the station",
            "30.08.2016, 23:50 - Ana: Still awake?",
            "31.08.2016, 00:05 - Ben: Yes, packing the food",
            "31.08.2016, 00:20 - Ana: Good night");
    /** What the later export adds: one more message in that session, then one from 31 Aug into September. */
    private static final List<String> LATER = List.of(
            "31.08.2016, 00:30 - Ben: Good night, see you",
            "31.08.2016, 23:55 - Ben: Is the train on time?",
            "01.09.2016, 00:05 - Ana: It is, see you there",
            "01.09.2016, 00:12 - Ana: 👍",
            "01.09.2016, 09:00 - Ben: <Media omitted>");

    private static String conversation;
    private static JsonNode firstRun;
    private static JsonNode incremental;
    private static JsonNode full;
    private static String runLog;

    @BeforeAll
    static void oneUserImportsTwoExportsOfTheChatAnotherImportsItOnce() throws Exception {
        String owner = freshUserToken();
        conversation = importChat(owner, FIRST);
        assertThat(AnalyticsIT.runJob()).isEqualTo("COMPLETED");
        firstRun = analytics(owner, conversation);
        String merged = importChat(owner, concat(FIRST, LATER));
        assertThat(merged).isEqualTo(conversation);
        Path log = Path.of(System.getProperty("it.data.dir"), "liberty", "conversa", "logs", "messages.log");
        long logged = Files.size(log);
        assertThat(AnalyticsIT.runJob()).isEqualTo("COMPLETED");
        incremental = analytics(owner, conversation);
        runLog = Files.readString(log).substring((int) logged);

        String other = freshUserToken();
        String whole = importChat(other, concat(FIRST, LATER));
        assertThat(AnalyticsIT.runJob()).isEqualTo("COMPLETED");
        full = analytics(other, whole);
    }

    @Test
    void theSecondRunComputesOnlyTheDaysTheNewMessagesFellOn() {
        assertThat(firstRun.at("/totals/messages").asLong()).isEqualTo(5);
        assertThat(runLog).contains("Analytics of conversation " + conversation + ", days changed: 2 days 2016-08-31..2016-09-01");
    }

    @Test
    void answersWhatAFullComputationOfTheWholeChatAnswers() {
        // NLP's own results (sentiment, labels, topics) may differ between the two imports, which NLP
        // saw at different sizes; everything the job derives from the messages alone must be equal.
        for (String part : List.of("totals", "activity", "heatmap", "peaks", "participants", "media", "sessions",
                "responseTimes", "keywords", "phrases")) {
            assertThat(incremental.get(part)).as(part).isEqualTo(full.get(part));
        }
        assertThat(incremental.at("/totals/messages").asLong()).isEqualTo(10);
    }

    @Test
    void chainsSessionsAcrossMidnightAndTheEndOfTheMonth() {
        // 20:00-20:10 (10 min); 23:50-00:30 (40 min, 4 messages); 31 Aug 23:55-1 Sep 00:12 (17 min); 09:00 alone
        JsonNode sessions = incremental.get("sessions");
        assertThat(sessions.get("count").asLong()).isEqualTo(4);
        assertThat(sessions.get("averageSeconds").asDouble()).isEqualTo((600 + 2400 + 1020 + 0) / 4.0);
        assertThat(sessions.get("medianSeconds").asDouble()).isEqualTo((600 + 1020) / 2.0);
        assertThat(sessions.get("averageMessages").asDouble()).isEqualTo(2.5);
        // A's session of 30 Aug is one session, not a second one started by Ben at midnight.
        assertThat(bars(sessions.get("initiators"), "Ana")).isEqualTo(2);
        assertThat(bars(sessions.get("initiators"), "Ben")).isEqualTo(2);
    }

    @Test
    void measuresRepliesAcrossMidnightAndIntoTheNextMonth() {
        JsonNode replies = incremental.get("responseTimes");
        int ana = index(replies.get("labels"), "Ana");
        int ben = index(replies.get("labels"), "Ben");
        // Ben answered Ana after 10 min (20:10), 15 min (00:05 past midnight) and 10 min (00:30)
        assertThat(replies.at("/replies/" + ben + "/" + ana).asLong()).isEqualTo(3);
        assertThat(replies.at("/averageSeconds/" + ben + "/" + ana).asDouble()).isEqualTo(700.0);
        assertThat(replies.at("/medianSeconds/" + ben + "/" + ana).asDouble()).isEqualTo(600.0);
        // Ana answered Ben after 15 min (00:20) and, on 1 September, 10 min (00:05): the median of two is their mean
        assertThat(replies.at("/replies/" + ana + "/" + ben).asLong()).isEqualTo(2);
        assertThat(replies.at("/medianSeconds/" + ana + "/" + ben).asDouble()).isEqualTo(750.0);
        // The first export alone: Ben's two answers (10 and 15 min) and Ana's one (15 min)
        JsonNode before = firstRun.get("responseTimes");
        assertThat(before.at("/medianSeconds/" + ben + "/" + ana).asDouble()).isEqualTo(750.0);
        assertThat(before.at("/replies/" + ana + "/" + ben).asLong()).isEqualTo(1);
    }

    private static String importChat(String token, List<String> lines) {
        byte[] chat = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Api.Answer accepted = Api.importFile(token, "WhatsApp Chat with Trip.txt", chat, "Europe/London");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(awaitJob(token, accepted.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        return accepted.json().get("conversationId").asText();
    }

    private static JsonNode analytics(String token, String id) {
        JsonNode answer = Api.get("/api/v1/conversations/" + id + "/analytics", token).json();
        ((ObjectNode) answer).remove(List.of("conversationId", "computedAt"));
        return answer;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static long bars(JsonNode chart, String label) {
        return chart.at("/series/0/data/" + index(chart.get("labels"), label)).asLong();
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
