package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.conversa.interfaces.export.ExportSummary.Media;
import io.conversa.interfaces.export.ExportSummary.Moment;
import io.conversa.interfaces.export.ExportSummary.Warning;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/conversa inspect}: summaries of fixture exports, with the truth taken from reading each file. */
class ExportInspectionTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String IOS_ZIP = "ios_en_dmy-dots_brackets-seconds_poll_media_pustur-website-example.zip";
    private static final String SHORT_CHAT = "android_en_dmy24_pustur-short-chat.txt";
    private static final List<String> IOS_ZIP_MEDIA = List.of("00000001-PHOTO-2019-06-20-16-00-15.jpg",
            "00000002-VIDEO-2019-06-20-16-01-42.mp4", "00000003-AUDIO-2019-06-20-16-03-55.mp3",
            "00000004-whatsapp-chat-parser-example.zip");

    @TempDir
    Path temp;

    private static ExportSummary inspect(Path file, DateOrder order) throws Exception {
        return new ExportInspection(BERLIN, order, ArchiveLimits.DEFAULT_MAX_UNPACKED_BYTES).inspect(file);
    }

    private static ExportSummary inspectFixture(String name) throws Exception {
        return inspect(Exports.fixture(name), null);
    }

    @Test
    void androidTextExportWithMediaAndAMessageDatedBeforeThePreviousOne() throws Exception {
        ExportSummary summary = inspectFixture("android_en_dmy24_whatsjson-EN+Media.txt");

        assertThat(summary.chatEntry()).isNull();
        assertThat(summary.platform()).isEqualTo(Platform.ANDROID);
        assertThat(summary.layout()).isEqualTo(HeaderLayout.ANDROID);
        assertThat(summary.dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(summary.orderSource()).isEqualTo(OrderSource.FILE_DATES);
        assertThat(summary.orderReason()).isEqualTo(
                "a date has a first field above 12, so it starts with the day: line 1 (\"23/03/2022\")");
        assertThat(summary.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(summary.messages()).isEqualTo(60);
        assertThat(summary.systemMessages()).isEqualTo(1);
        assertThat(summary.authors()).containsExactly(entry("Dmitry S", 51L), entry("Elon", 8L));
        assertThat(summary.kinds()).containsExactly(entry(MessageKind.TEXT, 17L), entry(MessageKind.MEDIA_OMITTED, 18L),
                entry(MessageKind.ATTACHMENT, 9L), entry(MessageKind.DELETED, 8L), entry(MessageKind.POLL, 0L),
                entry(MessageKind.LOCATION, 3L), entry(MessageKind.CONTACT, 2L), entry(MessageKind.VIEW_ONCE, 2L),
                entry(MessageKind.SYSTEM, 1L));
        // The encryption notice on line 1 is dated 23/03, the chat itself starts on 18/03.
        assertThat(summary.first()).isEqualTo(new Moment(1, LocalDateTime.parse("2022-03-23T13:31"),
                Instant.parse("2022-03-23T12:31:00Z")));
        assertThat(summary.last()).isEqualTo(new Moment(73, LocalDateTime.parse("2023-01-07T23:32"),
                Instant.parse("2023-01-07T22:32:00Z")));
        // Attachments named twice (lines 11-12, 52-53, 70) are listed once.
        assertThat(summary.media()).isEqualTo(new Media(List.of("PTT-20220323-WA0000.opus", "IMG-20220323-WA0002.jpg",
                "Alex.vcf", "STK-20220323-WA0003.webp", "STK-20220327-WA0000.webp", "VID-20220327-WA0001.mp4",
                "TR.vcf"), null, null));
        assertThat(summary.warnings()).containsExactly(new Warning(2L,
                "This message is dated 2022-03-18T14:56, before the message on line 1 (2022-03-23T13:31)."));
        assertThat(summary.warningCount()).isEqualTo(1);
    }

    @Test
    void iosZipExportFindsAllItsMediaInTheArchive() throws Exception {
        ExportSummary summary = inspectFixture(IOS_ZIP);

        assertThat(summary.chatEntry()).isEqualTo("_chat.txt");
        assertThat(summary.platform()).isEqualTo(Platform.IOS);
        assertThat(summary.layout()).isEqualTo(HeaderLayout.IOS);
        assertThat(summary.dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(summary.messages()).isEqualTo(52);
        assertThat(summary.systemMessages()).isEqualTo(4);
        assertThat(summary.authors()).containsExactly(entry("Loris", 29L), entry("John", 12L), entry("Emily", 7L));
        assertThat(summary.kinds()).contains(entry(MessageKind.TEXT, 43L), entry(MessageKind.ATTACHMENT, 4L),
                entry(MessageKind.POLL, 1L), entry(MessageKind.SYSTEM, 4L));
        assertThat(summary.first()).isEqualTo(new Moment(1, LocalDateTime.parse("2019-06-20T15:58:47"),
                Instant.parse("2019-06-20T13:58:47Z")));
        // The last message goes on over the two link lines after it (the file has 62 lines).
        assertThat(summary.last()).isEqualTo(new Moment(60, LocalDateTime.parse("2019-06-20T16:45:28"),
                Instant.parse("2019-06-20T14:45:28Z")));
        assertThat(summary.media()).isEqualTo(new Media(IOS_ZIP_MEDIA, IOS_ZIP_MEDIA, List.of()));
        assertThat(summary.warnings()).isEmpty();
    }

    @Test
    void zipWithoutSomeMediaListsThemAsMissing() throws Exception {
        Path zip = temp.resolve("export.zip");
        try (ZipFile fixture = new ZipFile(Exports.fixture(IOS_ZIP).toFile());
                OutputStream out = Files.newOutputStream(zip); ZipOutputStream copy = new ZipOutputStream(out)) {
            copy.putNextEntry(new ZipEntry("chat/_chat.txt"));
            fixture.getInputStream(fixture.getEntry("_chat.txt")).transferTo(copy);
            copy.putNextEntry(new ZipEntry("chat/" + IOS_ZIP_MEDIA.get(1)));
            copy.write(new byte[] {0});
        }

        Media media = inspect(zip, null).media();

        assertThat(media.found()).containsExactly(IOS_ZIP_MEDIA.get(1));
        assertThat(media.missing()).containsExactly(IOS_ZIP_MEDIA.get(0), IOS_ZIP_MEDIA.get(2), IOS_ZIP_MEDIA.get(3));
    }

    @Test
    void undecidedDateOrderIsAGuessThatTheCallerCanOverride() throws Exception {
        Path file = Exports.fixture(SHORT_CHAT);

        ExportSummary guessed = inspect(file, null);
        ExportSummary requested = inspect(file, DateOrder.MONTH_DAY_YEAR);

        assertThat(guessed.orderSource()).isEqualTo(OrderSource.DEFAULT);
        // Read as day/month, 09/04 (line 5) comes before 08/05 (line 4): a hint that the guess is wrong.
        assertThat(guessed.warnings()).containsExactly(
                new Warning(null, "The date order is a guess: no date in the file tells day and month apart; "
                        + "assumed DAY_MONTH_YEAR. Name the order if the dates read wrong."),
                new Warning(5L, "This message is dated 2017-04-09T01:50, before the message on line 4 "
                        + "(2017-05-08T01:48)."));
        assertThat(requested.orderSource()).isEqualTo(OrderSource.REQUESTED);
        assertThat(requested.last().localTime()).isEqualTo(LocalDateTime.parse("2017-09-04T01:50"));
        assertThat(requested.warnings()).isEmpty();
        assertThat(requested.authors()).containsExactly(entry("+410123456789", 1L), entry("Sample User", 1L),
                entry("TestBot", 1L));
    }

    @Test
    void warnsOfLinesBeforeTheFirstMessageAndOfHeadersWithImpossibleDates() throws Exception {
        Path file = temp.resolve("chat.txt");
        Files.writeString(file, "Chat exported by a backup app\n\n"
                + "13/01/2022, 10:00 - Ann: Hi\n"
                + "01/13/2022, 10:05 - Bob: a month-first date: one vote each way, so day/month is assumed\n");

        ExportSummary summary = inspect(file, null);

        assertThat(summary.messages()).isEqualTo(1);
        assertThat(summary.warnings()).extracting(Warning::line).containsExactly(null, 1L, null);
        assertThat(summary.warnings().get(1).message()).isEqualTo("The first 2 line(s) come before the first "
                + "message header; they belong to no message and were skipped.");
        assertThat(summary.warnings().get(2).message()).isEqualTo("1 line(s) shaped like message headers have "
                + "dates that cannot exist in DAY_MONTH_YEAR order; each was read as part of the message before it.");
    }

    @Test
    void printsTheSummaryAsJsonAndExitsZero() {
        Run run = run(Exports.fixture(SHORT_CHAT).toString(), "--timezone", "UTC", "--date-order", "MONTH_DAY_YEAR");

        assertThat(run.code).isZero();
        assertThat(run.out).startsWith("{\n  \"chatEntry\": null,\n  \"platform\": \"ANDROID\",\n")
                .contains("\n  \"messages\": 5,\n")
                .contains("\n  \"authors\": {\n    \"+410123456789\": 1,\n    \"Sample User\": 1,\n"
                        + "    \"TestBot\": 1\n  },\n")
                .contains("\n  \"last\": {\n    \"line\": 5,\n    \"localTime\": \"2017-09-04T01:50:00\",\n"
                        + "    \"sentAt\": \"2017-09-04T01:50:00Z\"\n  },\n")
                .contains("\n  \"media\": {\n    \"referenced\": [],\n    \"found\": null,\n    \"missing\": null\n  },\n")
                .endsWith("\n  \"warnings\": [],\n  \"warningCount\": 0\n}\n");
    }

    @Test
    void unreadableFileGivesTheReasonAsJsonAndExitsTwo() {
        Run empty = run(Exports.fixture("empty-file_pustur.txt").toString());
        Run absent = run(temp.resolve("nothing.txt").toString());

        assertThat(empty.code).isEqualTo(ExportInspection.EXIT_UNREADABLE);
        assertThat(empty.out).isEqualTo("{\n  \"error\": \"The file is empty.\"\n}\n");
        assertThat(absent.code).isEqualTo(ExportInspection.EXIT_UNREADABLE);
        assertThat(absent.out).isEqualTo("{\n  \"error\": \"There is no file " + temp.resolve("nothing.txt") + ".\"\n}\n");
    }

    @Test
    void zipWithoutAChatIsUnreadable() throws Exception {
        Path zip = temp.resolve("photos.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream photos = new ZipOutputStream(out)) {
            photos.putNextEntry(new ZipEntry("IMG-1.jpg"));
        }

        Run run = run(zip.toString());

        assertThat(run.code).isEqualTo(ExportInspection.EXIT_UNREADABLE);
        assertThat(run.out).contains("\"error\": \"The zip archive holds no WhatsApp chat");
    }

    @Test
    void wrongCommandLineIsAUsageError() {
        Run run = run("chat.txt", "--date-order", "DMY");

        assertThat(run.code).isEqualTo(ExportInspection.EXIT_USAGE);
        assertThat(run.out).isEmpty();
        assertThat(run.err).startsWith("inspect: unknown date order DMY").contains("usage: conversa inspect FILE");
    }

    @Test
    void jsonEscapesQuotesBackslashesAndControlCharacters() {
        assertThat(ExportSummaryJson.error("\"Ünïcode\" \\ 😀\n\t\u0001\u2028"))
                .isEqualTo("{\n  \"error\": \"\\\"Ünïcode\\\" \\\\ 😀\\n\\t\\u0001\\u2028\"\n}");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExportInspection.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
