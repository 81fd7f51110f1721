package it.io.conversa;

import static it.io.conversa.Api.awaitJob;
import static it.io.conversa.Api.get;
import static it.io.conversa.Api.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Zip exports bring their media; re-imports add only what is new, and it is searchable; hostile zips are refused. */
class ArchivesAndReimportsIT {

    private static final String IOS_ZIP = "exports/ios_en_dmy-dots_brackets-seconds_poll_media_pustur-website-example.zip";
    private static final String ANDROID_EN = "exports/android_en_dmy24_whatsjson-EN+Media.txt";

    @Test
    void storesTheMediaOfAZipExportLinkedToTheirMessages() {
        String token = Api.freshUserToken();
        Api.Answer accepted = Api.importFixture(token, IOS_ZIP, "UTC");
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("mediaStored").asInt()).isEqualTo(4);
        assertThat(job.get("mediaMissing").asInt()).isZero();

        JsonNode media = get("/api/v1/conversations/" + accepted.json().get("conversationId").asText() + "/media", token).json();
        assertThat(media.findValuesAsText("fileName")).containsExactlyInAnyOrder(
                "00000001-PHOTO-2019-06-20-16-00-15.jpg", "00000002-VIDEO-2019-06-20-16-01-42.mp4",
                "00000003-AUDIO-2019-06-20-16-03-55.mp3", "00000004-whatsapp-chat-parser-example.zip");
        JsonNode photo = media.findParents("fileName").stream()
                .filter(m -> m.get("fileName").asText().endsWith(".jpg")).findFirst().orElseThrow();
        assertThat(photo.get("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(photo.get("sizeBytes").asLong()).isEqualTo(146284);
        assertThat(photo.get("sha256").asText()).isEqualTo("eb6ee22d65a7ff5f803297c0d9ae3943ca58f9729816835993e1032c893a42f8");
        assertThat(photo.get("width").asInt()).isEqualTo(1280);
        assertThat(photo.get("height").asInt()).isEqualTo(640);
        assertThat(media).allSatisfy(m -> assertThat(m.get("messageId").isNull()).isFalse());
    }

    @Test
    void inspectsAZipExportWithoutImportingIt() {
        String token = Api.freshUserToken();
        Api.Answer answer = Api.inspectFixture(token, IOS_ZIP);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode summary = answer.json();
        assertThat(summary.get("chatEntry").asText()).isEqualTo("_chat.txt");
        assertThat(summary.get("platform").asText()).isEqualTo("IOS");
        assertThat(summary.at("/media/found").size()).isEqualTo(4);
        assertThat(summary.at("/media/missing").size()).isZero();
        assertThat(summary.get("authors").has("Loris")).isTrue();
        assertThat(get("/api/v1/conversations", token).json().size()).isZero();
    }

    @Test
    void inspectingSomethingThatIsNoChatSaysWhy() {
        Api.Answer answer = Api.inspectFixture(Api.freshUserToken(), "exports/not-a-whatsapp-chat_pustur.txt");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void inspectionRefusesTextThatIsNotUtf8NamingItsLine() {
        ByteArrayOutputStream chat = new ByteArrayOutputStream();
        chat.writeBytes("18/03/2022, 14:56 - Ana: hi\n18/03/2022, 14:57 - Ben: ok\nand Jos".getBytes(StandardCharsets.UTF_8));
        chat.write(0xE9); // "é" in Latin-1, on the message's further line
        chat.write('\n');
        Api.Answer answer = Api.inspectFile(Api.freshUserToken(), "latin1.txt", chat.toByteArray());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("not UTF-8 text (bad bytes on line 3)");
    }

    @Test
    void countsTheAttachmentsATextExportNamesButDoesNotCarry() {
        String token = Api.freshUserToken();
        Api.Answer accepted = Api.importFixture(token, ANDROID_EN, "UTC");
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("mediaStored").asInt()).isZero();
        // PTT-...opus, IMG-...jpg, Alex.vcf, TR.vcf, two STK-...webp, VID-...mp4; repeats count once
        assertThat(job.get("mediaMissing").asInt()).isEqualTo(7);
    }

    @Test
    void twoExportsOfOneChatSentTogetherMakeOneImportAndTheOtherIsToldToWait() {
        String token = Api.freshUserToken();
        byte[] chat = longChat();
        List<CompletableFuture<Api.Answer>> sent = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(
                () -> importFile(token, "WhatsApp Chat with Runner.txt", chat, Map.of("timezone", "UTC")))).toList();
        List<Api.Answer> answers = sent.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Api.Answer::status).containsExactlyInAnyOrder(202, 409);
        Api.Answer accepted = answers.get(answers.get(0).status() == 202 ? 0 : 1);
        Api.Answer refused = answers.get(answers.get(0).status() == 202 ? 1 : 0);
        String jobId = accepted.json().get("jobId").asText();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        // Refused while the first upload was stored, or after, when its job was queued.
        assertThat(refused.json().get("detail").asText()).containsAnyOf("still being uploaded", "still running (job " + jobId);
        assertThat(awaitJob(token, jobId).get("messagesNew").asInt()).isEqualTo(100_000);
        assertThat(get("/api/v1/conversations", token).json().findValuesAsText("id"))
                .containsExactly(accepted.json().get("conversationId").asText());

        Api.Answer sentAgain = importFile(token, "WhatsApp Chat with Runner.txt", chat, Map.of("timezone", "UTC"));
        assertThat(sentAgain.status()).isEqualTo(202);
        assertThat(sentAgain.json().get("merged").asBoolean()).isTrue();
        List<JsonNode> polls = pollUntilFinished(token, sentAgain.json().get("jobId").asText());
        assertThat(polls.get(polls.size() - 1).get("messagesSkipped").asInt()).isEqualTo(100_000);
        // While it runs, the counts add up and say already how many were skipped.
        assertThat(polls).allSatisfy(job -> {
            assertThat(job.get("messagesNew").asInt() + job.get("messagesSkipped").asInt()).isEqualTo(job.get("messages").asInt());
            assertThat(job.get("messagesIndexed").asInt()).isLessThanOrEqualTo(job.get("messagesNew").asInt());
        });
        assertThat(polls).anySatisfy(job -> {
            assertThat(job.get("status").asText()).isEqualTo("RUNNING");
            assertThat(job.get("messagesSkipped").asInt()).isPositive();
        });
    }

    @Test
    void aMergeIntoOneChatIsNotHeldUpByTheImportOfAnotherChatOfTheSameGenericName() {
        String token = Api.freshUserToken();
        byte[] shortChat = "12/01/2024, 10:00 - Ann: hello\n".getBytes(StandardCharsets.UTF_8);
        Api.Answer first = importFile(token, "_chat.txt", shortChat, Map.of("timezone", "UTC"));
        awaitJob(token, first.json().get("jobId").asText());
        Api.Answer other = importFile(token, "_chat.txt", longChat(), Map.of("timezone", "UTC"));
        assertThat(other.json().get("merged").asBoolean()).as("iOS's generic name never merges").isFalse();

        Api.Answer merge = importFile(token, "_chat.txt", "12/01/2024, 10:01 - Ann: later\n".getBytes(StandardCharsets.UTF_8),
                Map.of("timezone", "UTC", "conversationId", first.json().get("conversationId").asText()));

        assertThat(merge.status()).as(merge.body()).isEqualTo(202);
        assertThat(awaitJob(token, merge.json().get("jobId").asText()).get("messagesNew").asInt()).isEqualTo(1);
        assertThat(awaitJob(token, other.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void mergesIntoTwoConversationsOfTheSameGenericNameGoOnSideBySide() {
        String token = Api.freshUserToken();
        List<String> conversations = List.of("hello", "bonjour").stream().map(text -> {
            Api.Answer first = importFile(token, "_chat.txt", ("12/01/2024, 10:00 - Ann: " + text + "\n")
                    .getBytes(StandardCharsets.UTF_8), Map.of("timezone", "UTC"));
            awaitJob(token, first.json().get("jobId").asText());
            return first.json().get("conversationId").asText();
        }).toList();
        byte[] chat = longChat();

        List<Api.Answer> merges = conversations.stream().map(id -> CompletableFuture.supplyAsync(() -> importFile(token,
                "_chat.txt", chat, Map.of("timezone", "UTC", "conversationId", id)))).toList().stream()
                .map(CompletableFuture::join).toList();

        assertThat(merges).extracting(Api.Answer::status).containsExactly(202, 202);
        assertThat(merges).allSatisfy(merge -> assertThat(awaitJob(token, merge.json().get("jobId").asText())
                .get("messagesNew").asInt()).isEqualTo(100_000));
    }

    /** 100,000 messages: large enough that its import still runs when the next request comes. */
    private static byte[] longChat() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append(String.format("%02d/01/2024, %02d:%02d - %s: message %d%n", 1 + i / 1440 % 28, i / 60 % 24, i % 60,
                    i % 2 == 0 ? "Ann" : "Bob", i));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> pollUntilFinished(String token, String jobId) {
        List<JsonNode> polls = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        do {
            polls.add(get("/api/v1/jobs/" + jobId, token).json());
        } while (!polls.get(polls.size() - 1).get("status").asText().matches("SUCCEEDED|FAILED") && System.nanoTime() < deadline);
        return polls;
    }

    @Test
    void importingTheSameExportAgainAddsNothing() {
        String token = Api.freshUserToken();
        Api.Answer first = Api.importFixture(token, ANDROID_EN, "UTC");
        awaitJob(token, first.json().get("jobId").asText());
        Api.Answer again = Api.importFixture(token, ANDROID_EN, "UTC");

        assertThat(again.json().get("merged").asBoolean()).isTrue();
        assertThat(again.json().get("conversationId").asText()).isEqualTo(first.json().get("conversationId").asText());
        JsonNode job = awaitJob(token, again.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("messagesNew").asInt()).isZero();
        assertThat(job.get("messagesSkipped").asInt()).isEqualTo(60);
        assertThat(get("/api/v1/conversations/" + first.json().get("conversationId").asText(), token)
                .json().at("/conversation/messageCount").asInt()).isEqualTo(60);
        // Searchable once the job succeeded: the new messages ("Hello World" twice, "Deeted message above"
        // twice, all on 27/03), and the first import's "Hello" still once.
        assertThat(searchTotal(token, "hello")).isEqualTo(3);
        assertThat(searchTotal(token, "deeted")).isEqualTo(2);
    }

    @Test
    void importingTheSameZipAgainStoresNoFileTwice() {
        String token = Api.freshUserToken();
        Api.Answer first = Api.importFixture(token, IOS_ZIP, "UTC");
        assertThat(awaitJob(token, first.json().get("jobId").asText()).get("mediaStored").asInt()).isEqualTo(4);
        Api.Answer again = Api.importFixture(token, IOS_ZIP, "UTC");

        assertThat(again.json().get("merged").asBoolean()).isTrue();
        JsonNode job = awaitJob(token, again.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("mediaStored").asInt()).isZero();
        assertThat(job.get("mediaMissing").asInt()).isZero();
        JsonNode media = get("/api/v1/conversations/" + first.json().get("conversationId").asText() + "/media", token).json();
        assertThat(media.findValuesAsText("fileName")).hasSize(4).doesNotHaveDuplicates();
    }

    private static int searchTotal(String token, String query) {
        Api.Answer answer = Api.postJson("/api/v1/search", token, Map.of("query", query));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("total").asInt();
    }

    @Test
    void aLaterExportOfTheSameChatAddsOnlyItsNewMessages() throws IOException {
        String token = Api.freshUserToken();
        String full = Files.readString(Api.FIXTURES.resolve(ANDROID_EN));
        // The export as it was earlier: everything before the first message of 27/03/2022.
        String earlier = full.substring(0, full.indexOf("27/03/2022, "));
        Api.Answer first = importFile(token, "WhatsApp Chat with Dmitry.txt", earlier.getBytes(StandardCharsets.UTF_8), "UTC");
        int before = awaitJob(token, first.json().get("jobId").asText()).get("messagesNew").asInt();
        assertThat(before).isEqualTo(14);
        assertThat(searchTotal(token, "hello")).isEqualTo(1); // "Hello" on 18/03

        Api.Answer later = importFile(token, "WhatsApp Chat with Dmitry.txt", full.getBytes(StandardCharsets.UTF_8), "UTC");
        JsonNode job = awaitJob(token, later.json().get("jobId").asText());
        assertThat(job.get("messagesNew").asInt()).isEqualTo(60 - 14);
        assertThat(job.get("messagesSkipped").asInt()).isEqualTo(14);
        assertThat(job.get("messagesIndexed").asInt()).as("only the new ones indexed").isEqualTo(60 - 14);
        assertThat(get("/api/v1/conversations/" + later.json().get("conversationId").asText(), token)
                .json().at("/conversation/messageCount").asInt()).isEqualTo(60);
    }

    @Test
    void refusesAZipBombAndKeepsNothing() throws IOException {
        String token = Api.freshUserToken();
        byte[] chat = Files.readAllBytes(Api.FIXTURES.resolve(ANDROID_EN));
        Api.Answer accepted = importFile(token, "bomb.zip", zip("_chat.txt", chat, "zeros.bin", new byte[64 * 1024 * 1024]), Map.of());
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).contains("zip bomb");
        assertThat(get("/api/v1/conversations/" + accepted.json().get("conversationId").asText(), token).status()).isEqualTo(404);
    }

    @Test
    void refusesAZipThatNamesFilesOutsideItself() throws IOException {
        String token = Api.freshUserToken();
        byte[] chat = Files.readAllBytes(Api.FIXTURES.resolve(ANDROID_EN));
        Api.Answer accepted = importFile(token, "escape.zip", zip("_chat.txt", chat, "../../etc/cron.d/evil", "x".getBytes()), Map.of());
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).contains("outside itself");
    }

    @Test
    void refusesAZipWhoseEntryUnpacksPastTheSizeItStatesAndKeepsNothing() throws IOException {
        String token = Api.freshUserToken();
        byte[] chat = "12/01/2024, 10:00 - Alice: IMG-20240113-WA0001.jpg (file attached)\n".getBytes(StandardCharsets.UTF_8);
        byte[] liar = statingAtMost1000Bytes(zip("_chat.txt", chat, "IMG-20240113-WA0001.jpg", new byte[8 * 1024 * 1024]));
        Api.Answer accepted = importFile(token, "liar.zip", liar, Map.of());
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).isEqualTo("The zip entry 'IMG-20240113-WA0001.jpg' unpacks to more than the"
                + " 1000 bytes the zip states for it: refused as a zip bomb.");
        assertThat(get("/api/v1/conversations/" + accepted.json().get("conversationId").asText(), token).status()).isEqualTo(404);
    }

    @Test
    void aMergeThatFailsStoringItsMediaLeavesTheConversationAsItWas() throws Exception {
        String token = Api.freshUserToken();
        String before = "12/01/2024, 10:00 - Alice: hi Erin\n12/01/2024, 10:01 - Bob: hello\n";
        Api.Answer first = importFile(token, "WhatsApp Chat with Erin.txt", before.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(awaitJob(token, first.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        String conversation = first.json().get("conversationId").asText();

        // A later export with three more messages, two good pictures, and a third whose size the zip misstates.
        byte[] chat = (before + "13/01/2024, 09:00 - Alice: IMG-1.png (file attached)\n13/01/2024, 09:01 - Alice: IMG-2.png"
                + " (file attached)\n13/01/2024, 09:02 - Bob: IMG-3.jpg (file attached)\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String[] entry : new String[][] {{"WhatsApp Chat with Erin.txt", null}, {"IMG-1.png", "1"}, {"IMG-2.png", "2"}}) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1] == null ? chat : png(Integer.parseInt(entry[1])));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("IMG-3.jpg"));
            zip.write(new byte[8 * 1024 * 1024]);
            zip.closeEntry();
        }
        Api.Answer merge = importFile(token, "WhatsApp Chat with Erin.zip", statingAtMost1000Bytes(bytes.toByteArray()), Map.of());
        assertThat(merge.json().get("merged").asBoolean()).isTrue();
        JsonNode job = awaitJob(token, merge.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).contains("'IMG-3.jpg' unpacks to more than");

        JsonNode detail = get("/api/v1/conversations/" + conversation, token).json();
        assertThat(detail.at("/conversation/messageCount").asInt()).isEqualTo(2);
        assertThat(detail.get("participants").findValuesAsText("messageCount")).containsExactly("1", "1");
        assertThat(get("/api/v1/conversations/" + conversation + "/media", token).json().size()).isZero();
        assertThat(StoredObjects.under("media/" + conversation + "/")).isEmpty();
    }

    @Test
    void exportsOfDifferentChatsThatShareTheirFileNameAreNotMerged() {
        String token = Api.freshUserToken();
        Api.Answer first = importFile(token, "_chat.txt", "[12/01/2024, 10:00:00] Alice: hi\n".getBytes(StandardCharsets.UTF_8), Map.of());
        Api.Answer second = importFile(token, "_chat.txt", "[03/02/2024, 11:00:00] Carla: hey\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(awaitJob(token, first.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(awaitJob(token, second.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(second.json().get("merged").asBoolean()).isFalse();
        assertThat(second.json().get("conversationId").asText()).isNotEqualTo(first.json().get("conversationId").asText());
    }

    @Test
    void aLaterExportMergesIntoTheConversationTheRequestNamesOrItsSecondDownload() {
        String token = Api.freshUserToken();
        String chat = "12/01/2024, 10:00 - Alice: hi\n12/01/2024, 10:01 - Bob: hello\n";
        Api.Answer first = importFile(token, "WhatsApp Chat with Bob.txt", chat.getBytes(StandardCharsets.UTF_8), Map.of());
        String conversation = first.json().get("conversationId").asText();
        assertThat(awaitJob(token, first.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");

        chat += "13/01/2024, 09:00 - Alice: later\n";
        Api.Answer download = importFile(token, "WhatsApp Chat with Bob (1).txt", chat.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(download.json().get("conversationId").asText()).isEqualTo(conversation);
        JsonNode merged = awaitJob(token, download.json().get("jobId").asText());
        assertThat(merged.get("messagesNew").asInt()).isEqualTo(1);
        assertThat(merged.get("messagesSkipped").asInt()).isEqualTo(2);

        chat += "14/01/2024, 09:00 - Bob: even later\n";
        Api.Answer named = importFile(token, "_chat.txt", chat.getBytes(StandardCharsets.UTF_8), Map.of("conversationId", conversation));
        assertThat(named.json().get("conversationId").asText()).isEqualTo(conversation);
        assertThat(awaitJob(token, named.json().get("jobId").asText()).get("messagesNew").asInt()).isEqualTo(1);

        Api.Answer others = importFile(Api.freshUserToken(), "_chat.txt", chat.getBytes(StandardCharsets.UTF_8),
                Map.of("conversationId", conversation));
        assertThat(others.status()).isEqualTo(404);
        assertThat(importFile(token, "_chat.txt", chat.getBytes(StandardCharsets.UTF_8), Map.of("conversationId", "bob"))
                .status()).isEqualTo(400);
    }

    @Test
    void namesTheAttachedFilesTheZipLeftOut() throws IOException {
        String token = Api.freshUserToken();
        byte[] chat = ("12/01/2024, 10:00 - Alice: IMG-1.png (file attached)\n12/01/2024, 10:01 - Bob: PTT-2.opus (file attached)\n"
                + "12/01/2024, 10:02 - Bob: DOC-3.pdf (file attached)\n").getBytes(StandardCharsets.UTF_8);
        Api.Answer accepted = importFile(token, "WhatsApp Chat with Alice.zip", zip("WhatsApp Chat with Alice.txt", chat,
                "IMG-1.png", png(1)), Map.of());
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("mediaMissing").asInt()).isEqualTo(2);
        Api.Answer missing = get("/api/v1/conversations/" + accepted.json().get("conversationId").asText() + "/media/missing", token);
        assertThat(missing.json()).extracting(JsonNode::asText).containsExactly("DOC-3.pdf", "PTT-2.opus");
        assertThat(get("/api/v1/conversations/" + accepted.json().get("conversationId").asText() + "/media/missing",
                Api.freshUserToken()).status()).isEqualTo(404);
    }

    @Test
    void inspectingAZipBombRefusesItAsImportingWould() throws IOException {
        String token = Api.freshUserToken();
        byte[] chat = Files.readAllBytes(Api.FIXTURES.resolve(ANDROID_EN));
        Api.Answer answer = Api.inspectFile(token, "bomb.zip", zip("_chat.txt", chat, "zeros.bin", new byte[64 * 1024 * 1024]));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).contains("refused as a zip bomb");
    }

    @Test
    void storesADamagedPictureWithoutItsSizeInsteadOfFailingTheImport() throws IOException {
        String token = Api.freshUserToken();
        byte[] chat = ("12/01/2024, 10:00 - Alice: IMG-20240113-WA0001.jpg (file attached)\n"
                + "12/01/2024, 10:01 - Bob: nice\n").getBytes(StandardCharsets.UTF_8);
        byte[] damaged = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'}, 4096);
        Api.Answer accepted = importFile(token, "WhatsApp Chat with Alice.zip", zip("WhatsApp Chat with Alice.txt", chat,
                "IMG-20240113-WA0001.jpg", damaged), Map.of());
        JsonNode job = awaitJob(token, accepted.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("mediaStored").asInt()).isEqualTo(1);

        JsonNode picture = get("/api/v1/conversations/" + accepted.json().get("conversationId").asText() + "/media", token).json().get(0);
        assertThat(picture.get("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(picture.get("sizeBytes").asLong()).isEqualTo(4096);
        assertThat(picture.get("width").isNull()).isTrue();
        assertThat(picture.get("messageId").isNull()).isFalse();
    }

    /** A chat of Alice's, as an export without media writes it (and a later one with media, below). */
    private static final String WITHOUT_MEDIA = """
            12/01/2024, 10:00 - Alice: <Media omitted>
            12/01/2024, 10:00 - Alice: look at this
            12/01/2024, 10:00 - Alice: <Media omitted>
            Sunset
            12/01/2024, 10:01 - Bob: nice
            12/01/2024, 10:02 - Bob: <Media omitted>
            """;
    private static final String WITH_MEDIA = """
            12/01/2024, 10:00 - Alice: IMG-20240112-WA0001.png (file attached)
            12/01/2024, 10:00 - Alice: look at this
            12/01/2024, 10:00 - Alice: IMG-20240112-WA0002.png (file attached)
            Sunset
            12/01/2024, 10:01 - Bob: nice
            12/01/2024, 10:02 - Bob: PTT-20240112-WA0003.opus (file attached)
            12/01/2024, 10:05 - Alice: thanks
            """;

    @Test
    void aLaterExportWithMediaGivesTheMessagesStoredWithoutTheirFilesTheirFiles() throws IOException {
        String token = Api.freshUserToken();
        Api.Answer first = importText(token, "WhatsApp Chat with Alice.txt", WITHOUT_MEDIA);
        String conversation = first.json().get("conversationId").asText();
        assertThat(awaitJob(token, first.json().get("jobId").asText()).get("messagesNew").asInt()).isEqualTo(5);
        Map<String, Long> idsBefore = new HashMap<>();
        messages(token, conversation).forEach(m -> idsBefore.put(m.get("sequence").asText(), m.get("id").asLong()));

        Api.Answer later = importFile(token, "WhatsApp Chat with Alice.zip", zip("WhatsApp Chat with Alice.txt",
                WITH_MEDIA.getBytes(StandardCharsets.UTF_8), Map.of("IMG-20240112-WA0001.png", png(1),
                        "IMG-20240112-WA0002.png", png(2))), Map.of("timezone", "UTC"));
        assertThat(later.json().get("conversationId").asText()).isEqualTo(conversation);
        JsonNode job = awaitJob(token, later.json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("messagesNew").asInt()).as("only \"thanks\"").isEqualTo(1);
        assertThat(job.get("messagesSkipped").asInt()).isEqualTo(5);
        assertThat(job.get("messagesGivenFiles").asInt()).isEqualTo(3);
        assertThat(job.get("mediaStored").asInt()).isEqualTo(2);
        assertThat(job.get("mediaMissing").asInt()).as("Bob's voice note").isEqualTo(1);

        List<JsonNode> messages = messages(token, conversation);
        assertThat(messages).extracting(m -> m.get("kind").asText() + " " + m.get("text").asText() + " "
                + m.get("attachmentName").asText()).containsExactly(
                "ATTACHMENT  IMG-20240112-WA0001.png", "TEXT look at this null", "ATTACHMENT Sunset IMG-20240112-WA0002.png",
                "TEXT nice null", "ATTACHMENT  PTT-20240112-WA0003.opus", "TEXT thanks null");
        assertThat(messages.subList(0, 5)).as("the stored messages, changed in place")
                .allSatisfy(m -> assertThat(m.get("id").asLong()).isEqualTo(idsBefore.get(m.get("sequence").asText())));
        JsonNode media = get("/api/v1/conversations/" + conversation + "/media", token).json();
        assertThat(media.findParents("fileName")).extracting(m -> m.get("fileName").asText() + " " + m.get("messageId").asLong())
                .containsExactlyInAnyOrder("IMG-20240112-WA0001.png " + idsBefore.get("0"), "IMG-20240112-WA0002.png " + idsBefore.get("2"));
        assertThat(searchTotal(token, "sunset")).isEqualTo(1);

        // Either export again: nothing new, nothing changed.
        JsonNode again = awaitJob(token, importText(token, "WhatsApp Chat with Alice.txt", WITHOUT_MEDIA).json().get("jobId").asText());
        assertThat(again.get("messagesNew").asInt()).isZero();
        assertThat(again.get("messagesGivenFiles").asInt()).isZero();
        assertThat(messages(token, conversation)).extracting(m -> m.get("kind").asText())
                .containsExactly("ATTACHMENT", "TEXT", "ATTACHMENT", "TEXT", "ATTACHMENT", "TEXT");
    }

    @Test
    void anExportWithoutMediaAfterOneWithAddsNothing() throws IOException {
        String token = Api.freshUserToken();
        Api.Answer first = importFile(token, "WhatsApp Chat with Alice.zip", zip("WhatsApp Chat with Alice.txt",
                WITH_MEDIA.getBytes(StandardCharsets.UTF_8), Map.of("IMG-20240112-WA0001.png", png(1))), Map.of("timezone", "UTC"));
        String conversation = first.json().get("conversationId").asText();
        assertThat(awaitJob(token, first.json().get("jobId").asText()).get("messagesNew").asInt()).isEqualTo(6);

        JsonNode job = awaitJob(token, importText(token, "WhatsApp Chat with Alice.txt", WITHOUT_MEDIA).json().get("jobId").asText());
        assertThat(job.get("messagesNew").asInt()).isZero();
        assertThat(job.get("messagesSkipped").asInt()).isEqualTo(5);
        assertThat(job.get("messagesGivenFiles").asInt()).isZero();
        assertThat(messages(token, conversation)).extracting(m -> m.get("attachmentName").asText()).containsExactly(
                "IMG-20240112-WA0001.png", "null", "IMG-20240112-WA0002.png", "null", "PTT-20240112-WA0003.opus", "null");
    }

    /** A chat of Alice's and Bob's as an export writes it just before Alice edits her second message. */
    private static final String BEFORE_THE_EDIT = """
            12/01/2024, 10:00 - Alice: hello
            12/01/2024, 10:00 - Alice: see you at eight
            12/01/2024, 10:01 - Bob: ok
            """;
    /** The same chat exported later. */
    private static final String AFTER_THE_EDIT = """
            12/01/2024, 10:00 - Alice: hello
            12/01/2024, 10:00 - Alice: see you at nine <This message was edited>
            12/01/2024, 10:01 - Bob: ok
            12/01/2024, 10:05 - Bob: fine
            """;

    @Test
    void aLaterExportWithAMessageEditedSinceGivesTheStoredMessageItsEditedText() throws Exception {
        String token = Api.freshUserToken();
        Api.Answer first = importText(token, "WhatsApp Chat with Bob.txt", BEFORE_THE_EDIT);
        String conversation = first.json().get("conversationId").asText();
        awaitJob(token, first.json().get("jobId").asText());
        long editedId = messages(token, conversation).get(1).get("id").asLong();

        JsonNode job = awaitJob(token, importText(token, "WhatsApp Chat with Bob.txt", AFTER_THE_EDIT).json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("messagesNew").asInt()).as("only \"fine\"").isEqualTo(1);
        assertThat(job.get("messagesSkipped").asInt()).isEqualTo(3);
        assertThat(job.get("messagesEdited").asInt()).isEqualTo(1);

        assertThat(texts(token, conversation)).containsExactly("hello", "see you at nine (edited)", "ok", "fine");
        assertThat(messages(token, conversation).get(1).get("id").asLong()).as("changed in place").isEqualTo(editedId);
        assertThat(Api.count("SELECT count(*) FROM message WHERE id = ?::bigint AND metadata ->> 'textBeforeEdit' = ?",
                Long.toString(editedId), "see you at eight")).as("the text before the edit, kept").isEqualTo(1);
        assertThat(searchTotal(token, "see")).as("one message").isEqualTo(1);
        assertThat(searchTotal(token, "nine")).as("searchable as edited").isEqualTo(1);
        assertThat(searchTotal(token, "eight")).isZero();

        JsonNode again = awaitJob(token, importText(token, "WhatsApp Chat with Bob.txt", AFTER_THE_EDIT).json().get("jobId").asText());
        assertThat(again.get("messagesNew").asInt()).isZero();
        assertThat(again.get("messagesEdited").asInt()).isZero();
        assertThat(messages(token, conversation)).hasSize(4);
    }

    @Test
    void anExportTakenBeforeAnEditAddsNothingToTheEditedVersionImportedFirst() {
        String token = Api.freshUserToken();
        Api.Answer first = importText(token, "WhatsApp Chat with Bob.txt", AFTER_THE_EDIT);
        String conversation = first.json().get("conversationId").asText();
        assertThat(awaitJob(token, first.json().get("jobId").asText()).get("messagesNew").asInt()).isEqualTo(4);

        JsonNode job = awaitJob(token, importText(token, "WhatsApp Chat with Bob.txt", BEFORE_THE_EDIT).json().get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("messagesNew").asInt()).isZero();
        assertThat(job.get("messagesSkipped").asInt()).isEqualTo(3);
        assertThat(job.get("messagesIndexed").asInt()).isZero();
        assertThat(texts(token, conversation)).containsExactly("hello", "see you at nine (edited)", "ok", "fine");
        assertThat(searchTotal(token, "eight")).isZero();
    }

    /** Uploads a chat's text as an export of that name, in UTC. */
    private static Api.Answer importText(String token, String name, String chat) {
        return importFile(token, name, chat.getBytes(StandardCharsets.UTF_8), "UTC");
    }

    private static List<String> texts(String token, String conversation) {
        return messages(token, conversation).stream()
                .map(m -> m.get("text").asText() + (m.get("edited").asBoolean() ? " (edited)" : "")).toList();
    }

    private static List<JsonNode> messages(String token, String conversation) {
        List<JsonNode> messages = new ArrayList<>();
        get("/api/v1/conversations/" + conversation + "/messages", token).json().get("messages").forEach(messages::add);
        return messages;
    }

    /** The zip with each central directory record (signature PK 1 2) stating at most 1,000 unpacked bytes. */
    private static byte[] statingAtMost1000Bytes(byte[] zip) {
        ByteBuffer records = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 28 <= zip.length; at++) {
            if (records.getInt(at) == 0x02014b50 && records.getInt(at + 24) > 1_000) {
                records.putInt(at + 24, 1_000);
            }
        }
        return zip;
    }

    /** A small PNG, its pixels set by {@code seed} so that each is a different file. */
    private static byte[] png(int seed) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static byte[] zip(String chatName, byte[] chat, String otherName, byte[] other) throws IOException {
        return zip(chatName, chat, Map.of(otherName, other));
    }

    private static byte[] zip(String chatName, byte[] chat, Map<String, byte[]> others) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(chatName));
            zip.write(chat);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> other : new TreeMap<>(others).entrySet()) {
                zip.putNextEntry(new ZipEntry(other.getKey()));
                zip.write(other.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
