package io.conversa.interfaces.export;

import static io.conversa.interfaces.export.Exports.parseText;
import static org.assertj.core.api.Assertions.assertThat;

import io.conversa.interfaces.export.Exports.Parsed;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header shapes no fixture has: locales, scripts, calendars, invisible marks and line endings. */
class HeaderVariantsTest {

    private static final LocalDateTime MARCH_18_1456 = LocalDateTime.of(2022, 3, 18, 14, 56);

    /** Parses a one-message export and checks its time, author and text. */
    private static Parsed single(String line, LocalDateTime time, String author, String text) throws Exception {
        Parsed chat = parseText(line);
        assertThat(chat.size()).isEqualTo(1);
        assertThat(chat.get(0).localTime()).isEqualTo(time);
        assertThat(chat.get(0).author()).isEqualTo(author);
        assertThat(chat.get(0).text()).isEqualTo(text);
        return chat;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            android, narrow no-break space before PM  | 3/18/22, 2:56\u202FPM - Ann: hi
            android, no-break space before pm         | 18/03/2022, 2:56\u00A0pm - Ann: hi
            android, Spanish p. m. with spaces        | 18/03/2022, 2:56 p. m. - Ann: hi
            android, Spanish p. m. with no-break space| 18/3/22, 2:56\u00A0p.\u00A0m. - Ann: hi
            android, p.m. without spaces              | 18/03/2022, 2:56 p.m. - Ann: hi
            android, upper-case P.M.                  | 18/03/2022, 02:56 P.M. - Ann: hi
            ios, narrow no-break space before PM      | [3/18/22, 2:56:00\u202FPM] Ann: hi
            ios, Spanish p. m.                        | [18/03/22, 2:56:00 p. m.] Ann: hi
            android, Korean marker before the time    | 2022. 3. 18. 오후 2:56 - Ann: hi
            android, Chinese marker glued to the time | 2022/3/18 下午2:56 - Ann: hi
            android, Japanese marker before the time  | 2022/03/18 午後2:56 - Ann: hi
            android, Greek μ.μ.                       | 18/3/22, 2:56 μ.μ. - Ann: hi
            android, Turkish ÖS                       | 18.03.2022 02:56 ÖS - Ann: hi
            android, Finnish klo and dotted time      | 18.3.2022 klo 14.56 - Ann: hi
            android, dot after the time               | 18.03.22, 14:56. - Ann: hi
            ios, dot after the time                   | [18.03.22, 14:56:00.] Ann: hi
            android, no comma                         | 18/03/2022 14:56 - Ann: hi
            android, dashed date                      | 18-03-2022 14:56 - Ann: hi
            android, year first with dashes           | 2022-03-18, 14:56 - Ann: hi
            ios, year first with slashes              | [2022/03/18, 14:56:00] Ann: hi
            android, en dash separator                | 18/03/2022, 14:56 – Ann: hi
            android, seconds                          | 18/03/2022, 14:56:00 - Ann: hi
            """)
    void readsTwelveAndTwentyFourHourHeadersInManyLocales(String variant, String line) throws Exception {
        single(line, MARCH_18_1456, "Ann", "hi");
    }

    @Test
    void arabicIndicDigitsWithArabicCommaRightToLeftMarksAndArabicPmMarker() throws Exception {
        Parsed chat = single("١٨\u200F/٣\u200F/٢٠٢٢، ٢:٥٦ م - أحمد: مرحبا", MARCH_18_1456, "أحمد", "مرحبا");

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
    }

    @Test
    void arabicAmMarkerAtMidnight() throws Exception {
        single("١٨/٣/٢٠٢٢، ١٢:٠٥ ص - أحمد: مرحبا", LocalDateTime.of(2022, 3, 18, 0, 5), "أحمد", "مرحبا");
    }

    @Test
    void persianDigits() throws Exception {
        single("۱۸/۰۳/۲۰۲۲، ۱۴:۵۶ - علی: سلام", MARCH_18_1456, "علی", "سلام");
    }

    @Test
    void devanagariDigits() throws Exception {
        single("१८/३/२२, २:५६ pm - राम: नमस्ते", MARCH_18_1456, "राम", "नमस्ते");
    }

    @Test
    void persianAfternoonMarker() throws Exception {
        single("۱۸/۰۳/۲۰۲۲، ۲:۵۶ ب.ظ. - علی: سلام", MARCH_18_1456, "علی", "سلام");
    }

    @Test
    void buddhistEraYears() throws Exception {
        single("18/3/2565 14:56 - สมชาย: สวัสดี", MARCH_18_1456, "สมชาย", "สวัสดี");
    }

    @Test
    void japaneseEraYearsWithLetterAndKanji() throws Exception {
        Parsed chat = parseText("[R4/03/18 14:56:00] 太郎: こんにちは\n[令和4/03/18 14:57:00] 花子: はい\n"
                + "[H31/04/30 09:00:00] 太郎: 平成最後の日\n");

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.YEAR_MONTH_DAY);
        assertThat(chat.messages()).extracting(ParsedMessage::localTime).containsExactly(MARCH_18_1456,
                LocalDateTime.of(2022, 3, 18, 14, 57), LocalDateTime.of(2019, 4, 30, 9, 0));
    }

    @Test
    void japaneseDatesWithYearMonthDayCharacters() throws Exception {
        single("2022年3月18日 14:56 - 太郎: こんにちは", MARCH_18_1456, "太郎", "こんにちは");
    }

    @Test
    void timeBeforeDateAsVietnameseIosWritesIt() throws Exception {
        Parsed chat = parseText("[14:56:01, 18/3/2022] Nam: Xin chào\n[09:05:00 19/3/2022] Lan: Chào\n");

        assertThat(chat.format().layout()).isEqualTo(HeaderLayout.IOS_TIME_FIRST);
        assertThat(chat.format().platform()).isEqualTo(Platform.IOS);
        assertThat(chat.messages()).extracting(ParsedMessage::localTime).containsExactly(
                LocalDateTime.of(2022, 3, 18, 14, 56, 1), LocalDateTime.of(2022, 3, 19, 9, 5));
        assertThat(chat.messages()).extracting(ParsedMessage::author).containsExactly("Nam", "Lan");
    }

    @Test
    void byteOrderMarkDoesNotCostTheFirstMessage() throws Exception {
        Parsed chat = parseText("\uFEFF18/03/2022, 14:56 - Ann: first\n18/03/2022, 14:57 - Bob: second\n");

        assertThat(chat.size()).isEqualTo(2);
        assertThat(chat.get(0).author()).isEqualTo("Ann");
        assertThat(chat.get(0).text()).isEqualTo("first");
    }

    @Test
    void crlfLineEndingsLeaveNoCarriageReturns() throws Exception {
        Parsed chat = parseText("[18/03/2022, 14:56:00] Ann: one\r\ntwo\r\n[18/03/2022, 14:57:00] Bob: three\r\n");

        assertThat(chat.messages()).extracting(ParsedMessage::text).containsExactly("one\ntwo", "three");
    }

    @Test
    void lastMessageWithoutFinalNewline() throws Exception {
        Parsed chat = parseText("18/03/2022, 14:56 - Ann: one\n18/03/2022, 14:57 - Bob: last");

        assertThat(chat.get(1).text()).isEqualTo("last");
    }

    @Test
    void directionMarksAnywhereInHeaderAndAuthorAreIgnored() throws Exception {
        Parsed chat = parseText("\u200E[18/03/2022, \u200E14:56:00] \u202A+49 151 2345678\u202C: hallo\n"
                + "\u200F18/03/2022\u200F, 14:57:00\u200F] not a header\n"
                + "[18/03/2022, 14:58:00] \u2068Ann\u2069: \u200Ebye\u200E\n");

        assertThat(chat.messages()).extracting(ParsedMessage::author).containsExactly("+49 151 2345678", "Ann");
        assertThat(chat.get(0).text()).isEqualTo("hallo\n18/03/2022, 14:57:00] not a header");
        assertThat(chat.get(1).text()).isEqualTo("bye");
    }

    /**
     * A known author's lines are split from their bytes, and their text decoded without marks; a name with a
     * mark inside is read from the decoded line instead (where a name cannot end in a space), and the mark iOS
     * puts after a chat name with ": " in it is still found when the name is split at its first colon.
     */
    @Test
    void marksInTheTextOfAKnownAuthorInsideANameAndAfterAChatName() throws Exception {
        Parsed chat = parseText("18/03/2022, 14:56 - Ann Lee: hi\n"
                + "18/03/2022, 14:57 - Ann Lee: \u200Ehello \u202Athere\u202C\n"
                + "18/03/2022, 14:58 - Ann\u200E Lee: again\n"
                + "18/03/2022, 14:59 - Trip: Rome: \u200EBob added Carl\n"
                + "18/03/2022, 15:00 - Ann \u200E: no name ends in a space\n");

        assertThat(chat.messages()).extracting(ParsedMessage::author)
                .containsExactly("Ann Lee", "Ann Lee", "Ann Lee", null, null);
        assertThat(chat.messages()).extracting(ParsedMessage::text)
                .containsExactly("hi", "hello there", "again", "Rome: Bob added Carl", "Ann : no name ends in a space");
        assertThat(chat.messages()).extracting(ParsedMessage::kind).endsWith(MessageKind.SYSTEM, MessageKind.SYSTEM);
    }

    @Test
    void continuationLinesThatLookLikeDatesStayInTheirMessage() throws Exception {
        Parsed chat = parseText("""
                01/12/2022, 10:00 - Ann: Possible dates:
                19/03/2022 is fine
                20/03/2022, 10:00 works too
                14:56 - reminder
                [19/03/2022, 10:00:00] Bob: this is an iOS header inside an Android export
                25/13/2022, 10:00 - Bob: no month 13 exists
                2022-03-18 - ISO date
                01/12/2022, 10:05 - Bob: ok
                """);

        assertThat(chat.size()).isEqualTo(2);
        assertThat(chat.get(0).text()).isEqualTo("""
                Possible dates:
                19/03/2022 is fine
                20/03/2022, 10:00 works too
                14:56 - reminder
                [19/03/2022, 10:00:00] Bob: this is an iOS header inside an Android export
                25/13/2022, 10:00 - Bob: no month 13 exists
                2022-03-18 - ISO date""");
        assertThat(chat.get(1).localTime()).isEqualTo(LocalDateTime.of(2022, 12, 1, 10, 5));
    }

    @Test
    void dateImpossibleInTheFilesOrderContinuesTheMessage() throws Exception {
        Parsed chat = parseText("12/25/2021, 10:00 - Ann: quote:\n25/12/2021, 09:00 - Santa: ho ho\n"
                + "12/26/2021, 10:00 - Bob: ok\n");

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
        assertThat(chat.size()).isEqualTo(2);
        assertThat(chat.get(0).text()).isEqualTo("quote:\n25/12/2021, 09:00 - Santa: ho ho");
    }

    @Test
    void utf8IsReadAsUtf8() throws Exception {
        byte[] bytes = "18/03/2022, 14:56 - Zoë: ñandú 😀\n".getBytes(StandardCharsets.UTF_8);

        Parsed chat = Exports.parse(bytes, null, Exports.UTC);

        assertThat(chat.get(0).author()).isEqualTo("Zoë");
        assertThat(chat.get(0).text()).isEqualTo("ñandú 😀");
    }
}
