package io.conversa.interfaces.export;

import static io.conversa.interfaces.export.Exports.parseFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.conversa.interfaces.export.Exports.Parsed;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every sample export in shared/fixtures/exports, with the truth written down by reading each file. */
class FixtureExportsTest {

    private static final String LOREM_TWO_LINES =
            "Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero.";

    private static LocalDateTime at(String isoLocal) {
        return LocalDateTime.parse(isoLocal);
    }

    @Test
    void germanAndroidExportWithAttachmentCaptionContactAndMultiLineMessage() throws Exception {
        Parsed chat = parseFixture("android_de_dmy-dots_24h_whatsapp-to-sqlite-JaneDoe.txt");

        assertThat(chat.format().platform()).isEqualTo(Platform.ANDROID);
        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(chat.format().orderDecided()).isTrue();
        assertThat(chat.size()).isEqualTo(8);
        assertThat(chat.authors()).containsOnly(entry("(system)", 1), entry("Jane Doe", 4), entry("John Doe", 3));

        ParsedMessage notice = chat.get(0);
        assertThat(notice.kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(notice.author()).isNull();
        assertThat(notice.localTime()).isEqualTo(at("2021-02-16T22:10"));
        assertThat(notice.text()).startsWith("Nachrichten, die du in diesem Chat sendest, sowie Anrufe");

        ParsedMessage video = chat.get(3);
        assertThat(video.kind()).isEqualTo(MessageKind.ATTACHMENT);
        assertThat(video.attachmentName()).isEqualTo("VID-20181031-WA0007.mp4");
        assertThat(video.text()).isEqualTo("Das hier meine ich");
        assertThat(video.lineNumber()).isEqualTo(4);

        assertThat(chat.get(5).text()).isEqualTo("Na gut, trotzdem danke. Ich werde mal Kurt fragen denke ich.\n"
                + "Vielleicht weiss er ja mehr.\n\n"
                + "By the way, wie geht es Dir? Kannst Du mir evtl. mal die Nummer von Max schicken?");
        assertThat(chat.get(6).kind()).isEqualTo(MessageKind.CONTACT);
        assertThat(chat.get(6).attachmentName()).isEqualTo("Max Caulfield.vcf");
        assertThat(chat.get(7).localTime()).isEqualTo(at("2021-02-18T05:41"));
        assertThat(chat.get(7).text()).isEqualTo("Cool, danke 😃🙏");
        assertThat(chat.messages()).extracting(ParsedMessage::sequence).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void instantsUseTheConversationZone() throws Exception {
        byte[] bytes = Files.readAllBytes(Exports.fixture("android_de_dmy-dots_24h_whatsapp-to-sqlite-JaneDoe.txt"));
        Parsed chat = Exports.parse(bytes, null, ZoneId.of("Europe/Berlin"));

        assertThat(chat.get(0).localTime()).isEqualTo(at("2021-02-16T22:10"));
        assertThat(chat.get(0).sentAt()).isEqualTo(Instant.parse("2021-02-16T21:10:00Z"));
    }

    @Test
    void androidDottedDatesWithChatNameEncryptionNoticeAndTrailingBlankLine() throws Exception {
        Parsed chat = parseFixture("android_en_dmy-dots_24h_whatstk-pokemon.txt");

        assertThat(chat.size()).isEqualTo(20);
        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(chat.authors()).containsOnly(entry("(system)", 2), entry("Ash Ketchum", 4), entry("Brock", 3),
                entry("Misty", 4), entry("Prof. Oak", 2), entry("Jessie & James", 1), entry("Raichu", 2),
                entry("Meowth", 1), entry("Wobbuffet", 1));
        // Written under the chat's name ("Pokemon Chat: ..."), yet it is WhatsApp's notice.
        assertThat(chat.get(0).kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(chat.get(0).author()).isNull();
        assertThat(chat.get(0).text()).isEqualTo("Messages and calls are end-to-end encrypted. No one outside of "
                + "this chat, not even WhatsApp, can read or listen to them.");
        assertThat(chat.get(0).localTime()).isEqualTo(at("2016-04-15T15:04"));
        assertThat(chat.get(1).kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(chat.get(19).author()).isEqualTo("Wobbuffet");
        assertThat(chat.get(19).text()).isEqualTo("Wo-bbu-ffet");
        assertThat(chat.get(19).localTime()).isEqualTo(at("2016-10-31T12:23"));
    }

    @Test
    void undecidableDatesFallBackToTheStatedDefaultAndSaySo() throws Exception {
        Parsed chat = parseFixture("android_en_dmy24_pustur-short-chat.txt");

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(chat.format().orderSource()).isEqualTo(OrderSource.DEFAULT);
        assertThat(chat.format().orderDecided()).isFalse();
        assertThat(chat.size()).isEqualTo(5);
        assertThat(chat.messages()).extracting(ParsedMessage::kind).containsExactly(MessageKind.SYSTEM,
                MessageKind.SYSTEM, MessageKind.TEXT, MessageKind.TEXT, MessageKind.TEXT);
        assertThat(chat.get(1).text()).isEqualTo("You created group \"ShortChat\"");
        assertThat(chat.get(3).localTime()).isEqualTo(at("2017-05-08T01:48"));
        assertThat(chat.get(4).author()).isEqualTo("+410123456789");
        assertThat(chat.get(4).text()).isEqualTo("How are you?\n\nIs everything alright?");
    }

    @Test
    void undecidableDatesFollowTheRequestedOrder() throws Exception {
        byte[] bytes = Files.readAllBytes(Exports.fixture("android_en_dmy24_pustur-short-chat.txt"));
        Parsed chat = Exports.parse(bytes, DateOrder.MONTH_DAY_YEAR, Exports.UTC);

        assertThat(chat.format().orderSource()).isEqualTo(OrderSource.REQUESTED);
        assertThat(chat.get(3).localTime()).isEqualTo(at("2017-08-05T01:48"));
    }

    @Test
    void androidEnglishExportWithEveryMediaKind() throws Exception {
        Parsed chat = parseFixture("android_en_dmy24_whatsjson-EN+Media.txt");

        assertThat(chat.size()).isEqualTo(60);
        assertThat(chat.kinds()).containsOnly(entry(MessageKind.TEXT, 17), entry(MessageKind.SYSTEM, 1),
                entry(MessageKind.MEDIA_OMITTED, 18), entry(MessageKind.ATTACHMENT, 9),
                entry(MessageKind.LOCATION, 3), entry(MessageKind.CONTACT, 2), entry(MessageKind.DELETED, 8),
                entry(MessageKind.VIEW_ONCE, 2));
        assertThat(chat.authors()).containsOnly(entry("(system)", 1), entry("Dmitry S", 51), entry("Elon", 8));
        // The encryption notice comes first although it is dated later: order is file order.
        assertThat(chat.get(0).localTime()).isEqualTo(at("2022-03-23T13:31"));
        assertThat(chat.get(1).localTime()).isEqualTo(at("2022-03-18T14:56"));

        assertThat(chat.get(2).kind()).isEqualTo(MessageKind.MEDIA_OMITTED);
        assertThat(chat.get(2).text()).isEmpty();
        assertThat(chat.get(3).text()).isEqualTo("Caption");
        assertThat(chat.get(4).text()).isEqualTo("карточка компании");
        assertThat(chat.get(6).kind()).isEqualTo(MessageKind.ATTACHMENT);
        assertThat(chat.get(6).attachmentName()).isEqualTo("PTT-20220323-WA0000.opus");
        assertThat(chat.get(7).kind()).isEqualTo(MessageKind.LOCATION);
        assertThat(chat.get(7).text())
                .isEqualTo("location: https://maps.google.com/?q=51.50214569326172,-0.12739796972656");
        assertThat(chat.get(9).attachmentName()).isEqualTo("IMG-20220323-WA0002.jpg");
        assertThat(chat.get(9).text()).isEqualTo("Титл");
        assertThat(chat.get(12).kind()).isEqualTo(MessageKind.CONTACT);
        assertThat(chat.get(12).attachmentName()).isEqualTo("Alex.vcf");
        assertThat(chat.get(16).kind()).isEqualTo(MessageKind.DELETED);
        assertThat(chat.get(18).kind()).isEqualTo(MessageKind.VIEW_ONCE);
        assertThat(chat.get(27).kind()).isEqualTo(MessageKind.DELETED);
        assertThat(chat.get(27).author()).isEqualTo("Elon");
        assertThat(chat.get(38).kind()).isEqualTo(MessageKind.LOCATION);
        assertThat(chat.get(38).text())
                .isEqualTo("Pimlico Gardens\nLondon, United Kingdom\n"
                        + "https://foursquare.com/v/4e89af95e5fa82ad4c0aa03b");
        assertThat(chat.get(46).text()).isEqualTo("Resume-Dmitry-Starkov.pdf");
        assertThat(chat.get(59).text()).isEqualTo("Missed voice call");
        assertThat(chat.get(59).localTime()).isEqualTo(at("2023-01-07T23:32"));
    }

    @Test
    void androidGroupSystemMessagesHaveNoAuthor() throws Exception {
        Parsed chat = parseFixture("android_en_dmy24_whatsjson-group-system-msgs.txt");

        assertThat(chat.size()).isEqualTo(20);
        assertThat(chat.authors()).containsOnly(entry("(system)", 16), entry("Dmitry S", 4));
        assertThat(chat.format().orderSource()).isEqualTo(OrderSource.DEFAULT);
        assertThat(chat.messages().subList(0, 16)).allSatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.SYSTEM);
            assertThat(m.author()).isNull();
        });
        assertThat(chat.get(1).text()).isEqualTo("Dmitry S created group \"Group Chat\"");
        assertThat(chat.get(1).localTime()).isEqualTo(at("2023-01-11T16:11"));
        assertThat(chat.get(8).text()).isEqualTo("You changed the subject from \"Group Chat\" to \"Group Chat XXX\"");
        assertThat(chat.get(12).text()).isEqualTo("You turned off disappearing messages. Tap to change.");
        assertThat(chat.get(14).text()).isEqualTo("+7 999 999-99-99 joined using this group's invite link");
        assertThat(chat.get(15).text()).isEqualTo("Dmitry S removed +7 999 999-99-99");
        assertThat(chat.get(18).kind()).isEqualTo(MessageKind.DELETED);
        assertThat(chat.get(19).text()).isEqualTo("We");
    }

    @Test
    void monthFirstTwentyFourHourExportWithOddAuthors() throws Exception {
        Parsed chat = parseFixture("android_en_mdy24_chatminer-test_mmddyy_24hrs.txt");

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
        assertThat(chat.format().orderReason()).contains("line 2", "01/20/19");
        assertThat(chat.size()).isEqualTo(9);
        assertThat(chat.messages()).extracting(ParsedMessage::localTime).containsExactly(
                at("2019-01-01T11:25"), at("2019-01-20T11:23"), at("2019-01-30T20:49"), at("2020-06-10T15:55"),
                at("2020-06-20T00:08"), at("2020-06-30T09:10"), at("2021-12-10T10:10"), at("2021-12-20T12:10"),
                at("2021-12-30T22:01"));
        assertThat(chat.messages()).extracting(ParsedMessage::author).containsExactly("John Doe", "John Doe",
                "Jahn Doe", "John-John Doe", null, null, "John Doe 🤓", "🤓", "John Doe");
        assertThat(chat.get(1).text()).isEqualTo(".");
        assertThat(chat.get(3).text()).isEqualTo("Lorem ipsum : dolor sit amet.");
        assertThat(chat.get(4).text()).isEqualTo("+12 345 578 created group \"Groupname\"");
        assertThat(chat.get(5).text()).isEqualTo("You were added");
        // The file has no final newline.
        assertThat(chat.get(8).text()).isEqualTo(LOREM_TWO_LINES);
    }

    @Test
    void spanishTwelveHourMarkersWithSpaces() throws Exception {
        Parsed chat = parseFixture("android_es_mdy12-a.m._chatminer-test_mmddyyyy_12hrs.txt");

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
        assertThat(chat.messages()).extracting(ParsedMessage::localTime).containsExactly(
                at("2019-01-01T11:25"), at("2019-01-20T11:23"), at("2019-01-30T20:49"), at("2020-06-10T15:55"),
                at("2020-06-20T00:08"), at("2020-06-30T09:10"), at("2021-12-10T10:10"), at("2021-12-20T12:10"),
                at("2021-12-30T22:01"));
        assertThat(chat.get(4).kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(chat.get(2).text()).isEqualTo(LOREM_TWO_LINES);
    }

    @Test
    void russianAndroidExportTranslatesEveryPlaceholder() throws Exception {
        Parsed chat = parseFixture("android_ru_dmy-dots_whatsjson-RU.txt");

        assertThat(chat.size()).isEqualTo(60);
        assertThat(chat.kinds()).containsOnly(entry(MessageKind.TEXT, 17), entry(MessageKind.SYSTEM, 1),
                entry(MessageKind.MEDIA_OMITTED, 27), entry(MessageKind.LOCATION, 3), entry(MessageKind.CONTACT, 2),
                entry(MessageKind.DELETED, 8), entry(MessageKind.VIEW_ONCE, 2));
        assertThat(chat.get(0).text()).startsWith("Сообщения и звонки защищены сквозным шифрованием.");
        assertThat(chat.get(7).kind()).isEqualTo(MessageKind.LOCATION);
        // "‎Alex.vcf (файл добавлен)": the left-to-right mark is not part of the name.
        assertThat(chat.get(12).attachmentName()).isEqualTo("Alex.vcf");
        assertThat(chat.get(16).kind()).isEqualTo(MessageKind.DELETED);
        assertThat(chat.get(27).kind()).isEqualTo(MessageKind.DELETED);
        assertThat(chat.get(58).text()).isEqualTo("Пропущенный аудиозвонок");
    }

    @Test
    void emptyFileIsRefusedWithAReason() {
        assertThatThrownBy(() -> parseFixture("empty-file_pustur.txt"))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessage("The file is empty.");
    }

    @Test
    void textThatIsNoChatIsRefusedWithAReason() {
        assertThatThrownBy(() -> parseFixture("not-a-whatsapp-chat_pustur.txt"))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("not a WhatsApp chat export");
    }

    /** The three whatsjson iOS exports are one chat in three languages. */
    private static void assertSameIosChat(Parsed chat, String document, String securityNotice) {
        assertThat(chat.format().platform()).isEqualTo(Platform.IOS);
        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
        assertThat(chat.size()).isEqualTo(25);
        assertThat(chat.kinds()).containsOnly(entry(MessageKind.TEXT, 4), entry(MessageKind.SYSTEM, 3),
                entry(MessageKind.MEDIA_OMITTED, 13), entry(MessageKind.CONTACT, 1), entry(MessageKind.LOCATION, 2),
                entry(MessageKind.DELETED, 2));
        // System lines are written under the chat's name "Elon Musk"; only the deleted message is his.
        assertThat(chat.authors()).containsOnly(entry("(system)", 3), entry("Dmitry S", 21), entry("Elon Musk", 1));
        assertThat(chat.get(0).kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(chat.get(1).localTime()).isEqualTo(at("2022-03-27T21:41:35"));
        assertThat(chat.get(1).text()).isEqualTo("Hello World");
        assertThat(chat.get(8).kind()).isEqualTo(MessageKind.CONTACT);
        assertThat(chat.get(8).attachmentName()).isNull();
        assertThat(chat.get(11).text()).isEqualTo("Some file.txt");
        assertThat(chat.get(12).text()).isEqualTo(document);
        assertThat(chat.get(20).kind()).isEqualTo(MessageKind.DELETED);
        assertThat(chat.get(20).author()).isEqualTo("Elon Musk");
        assertThat(chat.get(23).text()).isEqualTo(securityNotice);
        assertThat(chat.get(23).author()).isNull();
        assertThat(chat.get(24).localTime()).isEqualTo(at("2023-01-07T23:32:30"));
    }

    @Test
    void iosEnglishExportWithSystemLinesUnderTheChatName() throws Exception {
        Parsed chat = parseFixture("ios_en_mdy_brackets-seconds_whatsjson-EN.txt");

        assertSameIosChat(chat, "Resume-Dmitry-Starkov.pdf • 2 pages",
                "Your security code with Elon changed. Tap to learn more.");
        assertThat(chat.get(0).localTime()).isEqualTo(at("2022-03-18T14:56:01"));
        assertThat(chat.get(0).text()).isEqualTo("Messages and calls are end-to-end encrypted. No one outside of "
                + "this chat, not even WhatsApp, can read or listen to them.");
        assertThat(chat.get(6).text()).isEqualTo(
                "Pimlico Gardens (London, United Kingdom): https://foursquare.com/v/4e89af95e5fa82ad4c0aa03b");
        assertThat(chat.get(22).text()).isEqualTo("Location: https://maps.google.com/?q=51.5021456,-0.127397");
    }

    @Test
    void iosGermanExport() throws Exception {
        Parsed chat = parseFixture("ios_de_mdy_brackets-seconds_whatsjson-German.txt");

        assertSameIosChat(chat, "Resume-Dmitry-Starkov.pdf • 2 Seiten",
                "Deine Sicherheitsnummer für Elon hat sich geändert. Tippe, um mehr zu erfahren.");
        assertThat(chat.get(0).text()).startsWith("Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.");
        assertThat(chat.get(22).text()).isEqualTo("Standort: https://maps.google.com/?q=51.5021456,-0.127397");
    }

    @Test
    void iosFrenchExportWithoutCommaBetweenDateAndTime() throws Exception {
        Parsed chat = parseFixture("ios_fr_mdy-nocomma_brackets-seconds_whatsjson-FR.txt");

        assertSameIosChat(chat, "Resume-Dmitry-Starkov.pdf • 2 pages",
                "Votre code de sécurité avec Elon a changé. Appuyez pour en savoir plus.");
        assertThat(chat.get(0).text()).startsWith("Les messages et les appels sont chiffrés de bout en bout.");
        assertThat(chat.get(14).kind()).isEqualTo(MessageKind.DELETED);
    }

    @Test
    void iosSpanishTwelveHourClockWithTwentyFourHourValues() throws Exception {
        Parsed chat = parseFixture("ios_es_dmy12_brackets-seconds_chatminer-test_dateformat4.txt");

        assertThat(chat.format().orderSource()).isEqualTo(OrderSource.DEFAULT);
        // "11:37:00 p.m." is 23:37; "13:37:00 p.m." is already a 24-hour value.
        assertThat(chat.messages()).extracting(ParsedMessage::localTime).containsExactly(at("2022-10-09T23:37"),
                at("2022-10-10T12:37"), at("2022-10-11T13:37"), at("2022-10-12T14:37"));
        assertThat(chat.messages()).extracting(ParsedMessage::author)
                .containsExactly("John Doe", "John Doe", "John-John Doe", "Jahn Doe");
        assertThat(chat.get(3).text()).isEqualTo(LOREM_TWO_LINES);
    }

    @Test
    void androidZipExportFindsItsTextFile() throws Exception {
        Parsed chat = ChatArchiveTest.parseZip("android_en_dmy24_rwhatsapp-sample.zip", "sample.txt");

        assertThat(chat.size()).isEqualTo(9);
        assertThat(chat.authors()).containsOnly(entry("(system)", 2), entry("Johannes Gruber", 6), entry("Test", 1));
        assertThat(chat.get(2).kind()).isEqualTo(MessageKind.MEDIA_OMITTED);
        assertThat(chat.get(4).text()).isEqualTo("It's fun doing text analysis with R\nisn't it?");
        assertThat(chat.get(4).localTime()).isEqualTo(at("2017-07-13T09:12"));
        assertThat(chat.get(8).localTime()).isEqualTo(at("2018-09-28T13:30"));
    }

    @Test
    void iosZipExportWithAttachmentsPollAndAuthorlessSystemLines() throws Exception {
        Parsed chat = ChatArchiveTest.parseZip(
                "ios_en_dmy-dots_brackets-seconds_poll_media_pustur-website-example.zip", "_chat.txt");

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(chat.size()).isEqualTo(52);
        assertThat(chat.authors()).containsOnly(entry("(system)", 4), entry("Loris", 29), entry("John", 12),
                entry("Emily", 7));
        assertThat(chat.messages().subList(0, 4)).extracting(ParsedMessage::text).containsExactly(
                "Messages to this group are now secured with end-to-end encryption.",
                "Loris created group “WhatsApp Chat Parser Example”", "Loris added Emily", "Loris added John");
        assertThat(chat.messages()).filteredOn(m -> m.kind() == MessageKind.ATTACHMENT)
                .extracting(ParsedMessage::attachmentName).containsExactly(
                        "00000001-PHOTO-2019-06-20-16-00-15.jpg", "00000002-VIDEO-2019-06-20-16-01-42.mp4",
                        "00000003-AUDIO-2019-06-20-16-03-55.mp3", "00000004-whatsapp-chat-parser-example.zip");
        ParsedMessage poll = chat.get(45);
        assertThat(poll.kind()).isEqualTo(MessageKind.POLL);
        assertThat(poll.author()).isEqualTo("Loris");
        assertThat(poll.localTime()).isEqualTo(at("2019-06-20T16:30:44"));
        assertThat(poll.text()).isEqualTo("When can we meet?");
        assertThat(poll.pollOptions()).isEqualTo(List.of("Thursday 15 evening", "Friday 16 afternoon",
                "Friday 16 evening", "Saturday 17 afternoon", "Saturday 17 evening"));
        assertThat(chat.get(31).text()).isEqualTo("Cool right? Whenever a file can't be reproduced via <img>, <video> "
                + "or <audio> it becomes downloadable like that.");
        assertThat(chat.get(51).text()).isEqualTo("Links:\n- https://github.com/Pustur/whatsapp-chat-parser\n"
                + "- https://github.com/Pustur/whatsapp-chat-parser-website");
    }

    @Test
    void everyFixtureIsCoveredByATest() throws Exception {
        try (var files = Files.list(Exports.fixtures())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "android_de_dmy-dots_24h_whatsapp-to-sqlite-JaneDoe.txt",
                    "android_en_dmy-dots_24h_whatstk-pokemon.txt",
                    "android_en_dmy24_pustur-short-chat.txt",
                    "android_en_dmy24_rwhatsapp-sample.zip",
                    "android_en_dmy24_whatsjson-EN+Media.txt",
                    "android_en_dmy24_whatsjson-group-system-msgs.txt",
                    "android_en_mdy24_chatminer-test_mmddyy_24hrs.txt",
                    "android_es_mdy12-a.m._chatminer-test_mmddyyyy_12hrs.txt",
                    "android_ru_dmy-dots_whatsjson-RU.txt",
                    "empty-file_pustur.txt",
                    "ios_de_mdy_brackets-seconds_whatsjson-German.txt",
                    "ios_en_dmy-dots_brackets-seconds_poll_media_pustur-website-example.zip",
                    "ios_en_mdy_brackets-seconds_whatsjson-EN.txt",
                    "ios_es_dmy12_brackets-seconds_chatminer-test_dateformat4.txt",
                    "ios_fr_mdy-nocomma_brackets-seconds_whatsjson-FR.txt",
                    "not-a-whatsapp-chat_pustur.txt");
        }
    }
}
