package it.io.conversa;

import static it.io.conversa.Api.adminToken;
import static it.io.conversa.Api.awaitJob;
import static it.io.conversa.Api.get;
import static it.io.conversa.Api.importFile;
import static it.io.conversa.Api.importFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The first flow end to end: an export goes in through the API and its messages come back out. */
class ImportFlowIT {

    private static final String ANDROID_EN = "exports/android_en_dmy24_whatsjson-EN+Media.txt";

    @Test
    void importsAnAndroidExportAndPagesThroughItsMessages() {
        String token = adminToken();
        Api.Answer accepted = importFixture(token, ANDROID_EN, "Europe/London");
        assertThat(accepted.status()).isEqualTo(202);
        String conversationId = accepted.json().get("conversationId").asText();

        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("messages").asInt()).isEqualTo(60);
        // The class imports this file more than once as admin: a later run merges and adds nothing new.
        assertThat(job.get("messagesIndexed").asInt()).as("every new message searchable when it succeeds")
                .isEqualTo(job.get("messagesNew").asInt());
        assertThat(job.get("participants").asInt()).isEqualTo(2);
        assertThat(job.get("bytesDone").asLong()).isEqualTo(job.get("bytesTotal").asLong()).isPositive();

        JsonNode detail = get("/api/v1/conversations/" + conversationId, token).json();
        assertThat(detail.at("/conversation/title").asText()).isEqualTo("android_en_dmy24_whatsjson-EN+Media");
        assertThat(detail.at("/conversation/messageCount").asInt()).isEqualTo(60);
        assertThat(detail.get("participants").findValuesAsText("name")).containsExactly("Dmitry S", "Elon");

        List<JsonNode> messages = allMessages(token, conversationId, 7);
        assertThat(messages).hasSize(60);
        JsonNode first = messages.get(0);
        // The export lists the encryption notice first, but the earliest message in time is Dmitry's "Hello".
        assertThat(first.get("text").asText()).isEqualTo("Hello");
        assertThat(first.get("sentAt").asText()).isEqualTo("2022-03-18T14:56:00Z");
        assertThat(messages).extracting(m -> m.get("sentAt").asText()).isSorted();
        JsonNode encryption = messages.stream().filter(m -> m.get("kind").asText().equals("SYSTEM")).findFirst().orElseThrow();
        assertThat(encryption.get("participantId").isNull()).isTrue();
        assertThat(encryption.get("text").asText()).startsWith("Messages and calls are end-to-end encrypted.");

        assertThat(get("/api/v1/conversations", token).json().findValuesAsText("id")).contains(conversationId);
    }

    @Test
    void importsTheChatInsideAZipExport() {
        String token = adminToken();
        Api.Answer accepted = importFixture(token, "exports/android_en_dmy24_rwhatsapp-sample.zip", "UTC");
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("messages").asInt()).isEqualTo(9);
        JsonNode detail = get("/api/v1/conversations/" + accepted.json().get("conversationId").asText(), token).json();
        assertThat(detail.get("participants").findValuesAsText("name")).containsExactly("Johannes Gruber", "Test");
    }

    @Test
    void importsAnIosExport() {
        String token = adminToken();
        Api.Answer accepted = importFixture(token, "exports/ios_en_mdy_brackets-seconds_whatsjson-EN.txt", "UTC");
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("messages").asInt()).isEqualTo(25);
        String conversationId = accepted.json().get("conversationId").asText();
        JsonNode detail = get("/api/v1/conversations/" + conversationId, token).json();
        assertThat(detail.get("participants").findValuesAsText("name")).containsExactly("Dmitry S", "Elon Musk");
        // iOS writes the encryption notice under the chat's name: it is a system message without a participant.
        JsonNode first = get("/api/v1/conversations/" + conversationId + "/messages?limit=1", token).json().at("/messages/0");
        assertThat(first.get("kind").asText()).isEqualTo("SYSTEM");
        assertThat(first.get("participantId").isNull()).isTrue();
        assertThat(first.get("sentAt").asText()).isEqualTo("2022-03-18T14:56:01Z");
    }

    @Test
    void rejectsAnEmptyFileWithAProblem() {
        Api.Answer answer = importFixture(adminToken(), "exports/empty-file_pustur.txt", null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("empty");
    }

    @Test
    void refusesAnUploadOverTheLimitWith413AndKeepsNothing() {
        // The test server's CONVERSA_IMPORT_MAX_UPLOAD_BYTES is 16 MiB (ear/pom.xml).
        byte[] chat = "12/01/2024, 10:00 - Alice: hello there\n".repeat(17 * 1024 * 1024 / 37).getBytes(StandardCharsets.UTF_8);
        String token = Api.freshUserToken();
        for (Api.Answer answer : List.of(importFile(token, "large.txt", chat, Map.of()), Api.inspectFile(token, "large.txt", chat))) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asText()).contains("CONVERSA_IMPORT_MAX_UPLOAD_BYTES");
        }
        assertThat(get("/api/v1/conversations", token).json().size()).isZero();
    }

    @Test
    void rejectsAMultipartBodyWithoutBoundaryWithAProblem() {
        for (String path : List.of("/api/v1/conversations/import", "/api/v1/exports/inspect")) {
            Api.Answer answer = Api.send(Api.request(path, adminToken()).header("Content-Type", "multipart/form-data")
                    .POST(BodyPublishers.ofString("x")));
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asText()).contains("boundary");
        }
    }

    @Test
    void answersAMethodTheImportDoesNotHaveWith405AndAnIdThatIsNoUuidWith404() {
        Api.Answer wrongMethod = get("/api/v1/conversations/import", adminToken());
        assertThat(wrongMethod.status()).as(wrongMethod.body()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");

        Api.Answer noConversation = get("/api/v1/conversations/imports", adminToken());
        assertThat(noConversation.status()).as(noConversation.body()).isEqualTo(404);
        assertThat(noConversation.contentType()).startsWith("application/problem+json");
    }

    @Test
    void rejectsAFileThatIsNotAnExport() {
        Api.Answer answer = importFile(adminToken(), "photo.jpg", new byte[] {1, 2, 3}, Map.of());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains(".txt");
    }

    @Test
    void readsUndecidableDatesInTheOrderTheCallerNames() throws Exception {
        String token = Api.freshUserToken();
        byte[] chat = Files.readAllBytes(Api.FIXTURES.resolve("exports/android_en_dmy24_pustur-short-chat.txt"));
        // No day in this export is above 12: by default it is read day-first, 08/05/2017 being 8 May.
        Api.Answer dayFirst = importFile(token, "day-first.txt", chat, "UTC");
        Api.Answer monthFirst = importFile(token, "month-first.txt", chat,
                Map.of("timezone", "UTC", "dateOrder", "MONTH_DAY_YEAR"));
        assertThat(sentAtOf(token, dayFirst, "Hey I'm a test too!")).isEqualTo("2017-05-08T01:48:00Z");
        assertThat(sentAtOf(token, monthFirst, "Hey I'm a test too!")).isEqualTo("2017-08-05T01:48:00Z");

        Api.Answer unknown = importFile(token, "x.txt", chat, Map.of("dateOrder", "SOMETIMES"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("MONTH_DAY_YEAR");
    }

    private static String sentAtOf(String token, Api.Answer accepted, String text) {
        awaitJob(token, accepted.json().get("jobId").asText());
        JsonNode page = get("/api/v1/conversations/" + accepted.json().get("conversationId").asText() + "/messages?limit=100", token).json();
        for (JsonNode m : page.get("messages")) {
            if (m.get("text").asText().equals(text)) {
                return m.get("sentAt").asText();
            }
        }
        throw new AssertionError("No message '" + text + "'");
    }

    @Test
    void rejectsAnUnknownTimeZone() {
        Api.Answer answer = importFixture(adminToken(), ANDROID_EN, "Mars/Olympus");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).contains("Mars/Olympus");
    }

    @Test
    void failsTheJobOfATextThatIsNoChatAndKeepsNothingVisible() {
        String token = adminToken();
        Api.Answer accepted = importFixture(token, "exports/not-a-whatsapp-chat_pustur.txt", null);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).isNotBlank().doesNotContain("Exception");
        String conversationId = accepted.json().get("conversationId").asText();
        assertThat(get("/api/v1/conversations/" + conversationId, token).status()).isEqualTo(404);
        assertThat(get("/api/v1/conversations", token).json().findValuesAsText("id")).doesNotContain(conversationId);
    }

    /**
     * Bytes that are not UTF-8 are refused by the parse that writes the messages, at their line: a later export
     * of a chat, with a Latin-1 byte after batches of new messages were committed, fails and keeps none of them,
     * while the messages imported before stay.
     */
    @Test
    void refusesBadBytesAfterCommittedBatchesAndKeepsOnlyWhatWasThereBefore() {
        String token = adminToken();
        String name = "latin1 " + UUID.randomUUID() + ".txt";
        String before = "18/03/2022, 14:56 - Ana: before\n18/03/2022, 14:57 - Ben: still here\n";
        Api.Answer first = importFile(token, name, before.getBytes(StandardCharsets.UTF_8), "UTC");
        assertThat(awaitJob(token, first.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        String conversationId = first.json().get("conversationId").asText();

        ByteArrayOutputStream later = new ByteArrayOutputStream();
        later.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        // Three of the message writer's batches of 5,000, each committed before the bad line is read.
        int added = 15_000;
        for (int i = 0; i < added; i++) {
            later.writeBytes(String.format("19/03/2022, %02d:%02d - Ana: new %d\n", i / 60 % 24, i % 60, i)
                    .getBytes(StandardCharsets.UTF_8));
        }
        later.writeBytes("20/03/2022, 10:00 - Ben: ol".getBytes(StandardCharsets.UTF_8));
        later.write(0xE1); // "á" in Latin-1
        later.write('\n');
        Api.Answer merge = importFile(token, name, later.toByteArray(), "UTC");
        JsonNode job = awaitJob(token, merge.json().get("jobId").asText());

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).contains("not UTF-8 text (bad bytes on line " + (added + 3) + ")");
        assertThat(merge.json().get("conversationId").asText()).isEqualTo(conversationId);
        assertThat(allMessages(token, conversationId, 50)).extracting(m -> m.get("text").asText())
                .containsExactly("before", "still here");
    }

    /**
     * The import reads the format from an export's first lines only, and checks it against the whole file: here
     * 1,000 day-first messages, enough for the first look, and then more month-first ones, which decide.
     */
    @Test
    void readsAnExportAgainInTheFormatItsWholeTextDecidesWhenItsFirstLinesMisled() {
        String token = adminToken();
        String dayFirst = "13/01/2024, 10:00 - Ann: day first\n".repeat(1_000);
        StringBuilder monthFirst = new StringBuilder();
        for (int i = 0; i < 6_000; i++) {
            monthFirst.append(String.format("02/13/2024, %02d:%02d - Bob: month first %d%n", i / 60 % 24, i % 60, i));
        }
        Api.Answer accepted = importFile(token, "misleading " + UUID.randomUUID() + ".txt",
                (dayFirst + monthFirst).getBytes(StandardCharsets.UTF_8), "UTC");
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());

        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        // Month-first, "13/01/2024" is no date: those lines come before the first message and are no message.
        assertThat(job.get("messages").asInt()).isEqualTo(6_000);
        assertThat(job.get("messagesNew").asInt()).isEqualTo(6_000);
        List<JsonNode> messages = allMessages(token, accepted.json().get("conversationId").asText(), 1000);
        assertThat(messages).hasSize(6_000);
        assertThat(messages.get(0).get("localTime").asText()).isEqualTo("2024-02-13T00:00:00");
        assertThat(messages.get(0).get("text").asText()).isEqualTo("month first 0");
    }

    /**
     * As above, where reading the rest in the first look's format makes one message of over 4 MiB, which the
     * parser refuses: the refusal came from the wrong format, so the import reads the export again instead of failing.
     */
    @Test
    void readsAnExportAgainWhenItsFirstLinesMisledTheParseIntoARefusal() {
        String token = adminToken();
        String dayFirst = "13/01/2024, 10:00 - Ann: day first\n".repeat(1_000);
        String monthFirst = "02/13/2024, 10:00 - Bob: month first, and a line long enough to pass 4 MiB sooner\n".repeat(60_000);
        Api.Answer accepted = importFile(token, "misleading " + UUID.randomUUID() + ".txt",
                (dayFirst + monthFirst).getBytes(StandardCharsets.UTF_8), "UTC");
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("messagesNew").asInt()).isEqualTo(60_000);
    }

    @Test
    void storesACharacterPostgresqlCannotHoldAsAReplacementInsteadOfFailing() {
        String token = adminToken();
        // U+0000 is well-formed UTF-8, so a damaged export may hold it; PostgreSQL's text refuses it.
        byte[] chat = ("18/03/2022, 14:56 - Ana: before\n"
                + "18/03/2022, 14:57 - Ben\u0000: a NUL \u0000 inside\n"
                + "18/03/2022, 14:58 - Ana: after\n").getBytes(StandardCharsets.UTF_8);
        Api.Answer accepted = importFile(token, "nul.txt", chat, "UTC");
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("messagesNew").asInt()).isEqualTo(3);
        String conversationId = accepted.json().get("conversationId").asText();
        assertThat(allMessages(token, conversationId, 10)).extracting(m -> m.get("text").asText())
                .containsExactly("before", "a NUL \uFFFD inside", "after");
        assertThat(get("/api/v1/conversations/" + conversationId, token).json().get("participants").findValuesAsText("name"))
                .contains("Ben\uFFFD");
    }

    @Test
    void storesEveryColumnOfAnImportedMessageAsTheExportWroteIt() throws Exception {
        String token = adminToken();
        // Berlin: wall times one hour ahead of UTC in March, so the two stored times must differ by it.
        byte[] chat = ("18/03/2022, 14:56 - Ana: Bom dia! \uD83D\uDC4B tab\there, C:\\temp \\N\nsecond line\r\n"
                + "18/03/2022, 14:57 - Ben: \u200EIMG-20220323-WA0002.jpg (file attached)\nLook at this\n"
                + "18/03/2022, 14:58 - Ana: See you at 5 <This message was edited>\n"
                + "18/03/2022, 14:59 - Ben: POLL:\nWhen?\nOPTION: Monday (2 votes)\nOPTION: Tuesday (0 votes)\n"
                + "18/03/2022, 15:00 - Ana added Carla\n").getBytes(StandardCharsets.UTF_8);
        // A name of its own per run: a second import of the same chat would merge into the first and write nothing.
        Api.Answer accepted = importFile(token, "columns " + UUID.randomUUID() + ".txt", chat, "Europe/Berlin");
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");

        List<String> rows = new ArrayList<>();
        try (Connection db = Api.database(false);
                PreparedStatement read = db.prepareStatement("SELECT p.display_name, m.sequence_no, m.sent_at AT TIME ZONE 'UTC',"
                        + " m.local_time, m.kind, m.body, m.attachment_name, m.edited, m.metadata -> 'pollOptions',"
                        + " m.import_job_id = ?::uuid, m.fingerprint <> 0 FROM message m LEFT JOIN participant p ON p.id = m.participant_id"
                        + " WHERE m.conversation_id = ?::uuid ORDER BY m.sequence_no")) {
            read.setString(1, accepted.json().get("jobId").asText());
            read.setString(2, accepted.json().get("conversationId").asText());
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= 11; i++) {
                        columns.add(r.getString(i));
                    }
                    rows.add(String.join("|", columns));
                }
            }
        }
        assertThat(rows).containsExactly(
                "Ana|0|2022-03-18 13:56:00|2022-03-18 14:56:00|TEXT|Bom dia! \uD83D\uDC4B tab\there, C:\\temp \\N\nsecond line"
                        + "|null|f|null|t|t",
                "Ben|1|2022-03-18 13:57:00|2022-03-18 14:57:00|ATTACHMENT|Look at this|IMG-20220323-WA0002.jpg|f|null|t|t",
                "Ana|2|2022-03-18 13:58:00|2022-03-18 14:58:00|TEXT|See you at 5|null|t|null|t|t",
                "Ben|3|2022-03-18 13:59:00|2022-03-18 14:59:00|POLL|When?|null|f|[\"Monday\", \"Tuesday\"]|t|t",
                "null|4|2022-03-18 14:00:00|2022-03-18 15:00:00|SYSTEM|Ana added Carla|null|f|null|t|t");
    }

    @Test
    void rejectsACursorItDidNotHandOut() {
        String token = adminToken();
        Api.Answer accepted = importFixture(token, ANDROID_EN, "UTC");
        awaitJob(token, accepted.json().get("jobId").asText());
        Api.Answer answer = get("/api/v1/conversations/" + accepted.json().get("conversationId").asText()
                + "/messages?after=not-a-cursor", token);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private static List<JsonNode> allMessages(String token, String conversationId, int pageSize) {
        List<JsonNode> all = new ArrayList<>();
        String after = "";
        do {
            JsonNode page = get("/api/v1/conversations/" + conversationId + "/messages?limit=" + pageSize
                    + (after.isEmpty() ? "" : "&after=" + after), token).json();
            page.get("messages").forEach(all::add);
            assertThat(page.get("messages").size()).isLessThanOrEqualTo(pageSize);
            after = page.path("next").isNull() || page.path("next").isMissingNode() ? "" : page.get("next").asText();
        } while (!after.isEmpty());
        return all;
    }
}
