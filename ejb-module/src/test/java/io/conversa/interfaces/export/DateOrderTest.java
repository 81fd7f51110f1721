package io.conversa.interfaces.export;

import static io.conversa.interfaces.export.Exports.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conversa.interfaces.export.Exports.Parsed;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The date order is decided once per file, from all its dates, never line by line. */
class DateOrderTest {

    private static final String AMBIGUOUS_THEN_DAY_FIRST = """
            01/02/2022, 10:00 - Ann: a
            03/04/2022, 10:00 - Bob: b
            25/04/2022, 10:00 - Ann: c
            """;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLaterDayAboveTwelveDecidesTheEarlierAmbiguousDatesToo() throws Exception {
        Parsed chat = parseText(AMBIGUOUS_THEN_DAY_FIRST);

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(chat.format().orderSource()).isEqualTo(OrderSource.FILE_DATES);
        assertThat(chat.format().orderReason()).contains("line 3", "25/04/2022");
        assertThat(chat.messages()).extracting(ParsedMessage::localTime).containsExactly(
                LocalDateTime.of(2022, 2, 1, 10, 0), LocalDateTime.of(2022, 4, 3, 10, 0),
                LocalDateTime.of(2022, 4, 25, 10, 0));
    }

    @Test
    void aSecondFieldAboveTwelveDecidesMonthFirst() throws Exception {
        Parsed chat = parseText("01/02/2022, 10:00 - Ann: a\n04/25/2022, 10:00 - Bob: b\n");

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
        assertThat(chat.get(0).localTime()).isEqualTo(LocalDateTime.of(2022, 1, 2, 10, 0));
    }

    @Test
    void aFourDigitFirstFieldDecidesYearFirst() throws Exception {
        Parsed chat = parseText("2022.02.01, 10:00 - Ann: a\n");

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.YEAR_MONTH_DAY);
        assertThat(chat.format().orderDecided()).isTrue();
        assertThat(chat.get(0).localTime()).isEqualTo(LocalDateTime.of(2022, 2, 1, 10, 0));
    }

    @Test
    void undecidableFileUsesTheDefaultAndSaysItWasAssumed() throws Exception {
        Parsed chat = parseText("01/02/2022, 10:00 - Ann: a\n");

        assertThat(chat.format().dateOrder()).isEqualTo(ExportParser.DEFAULT_ORDER).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(chat.format().orderSource()).isEqualTo(OrderSource.DEFAULT);
        assertThat(chat.format().orderReason()).contains("assumed");
        assertThat(chat.get(0).localTime()).isEqualTo(LocalDateTime.of(2022, 2, 1, 10, 0));
    }

    @Test
    void undecidableFileUsesTheRequestedOrder() throws Exception {
        Parsed chat = Exports.parse(bytes("01/02/2022, 10:00 - Ann: a\n"), DateOrder.MONTH_DAY_YEAR, Exports.UTC);

        assertThat(chat.format().orderSource()).isEqualTo(OrderSource.REQUESTED);
        assertThat(chat.get(0).localTime()).isEqualTo(LocalDateTime.of(2022, 1, 2, 10, 0));
    }

    @Test
    void requestedOrderTheDatesConfirmCountsAsDecidedByTheFile() throws Exception {
        Parsed chat = Exports.parse(bytes(AMBIGUOUS_THEN_DAY_FIRST), DateOrder.DAY_MONTH_YEAR, Exports.UTC);

        assertThat(chat.format().orderSource()).isEqualTo(OrderSource.FILE_DATES);
    }

    @Test
    void requestedOrderTheDatesContradictIsRefusedRatherThanLosingMessages() {
        assertThatThrownBy(() -> Exports.parse(bytes(AMBIGUOUS_THEN_DAY_FIRST), DateOrder.MONTH_DAY_YEAR, Exports.UTC))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("MONTH_DAY_YEAR")
                .hasMessageContaining("25/04/2022");
    }

    @Test
    void majorityWinsWhenAFewQuotedDatesDisagree() throws Exception {
        Parsed chat = parseText("""
                13/02/2022, 10:00 - Ann: a
                14/02/2022, 10:00 - Ann: b
                02/13/2022, 10:00 - Bob: quoted from an American export
                15/02/2022, 10:00 - Ann: c
                """);

        assertThat(chat.format().dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(chat.size()).isEqualTo(3);
        assertThat(chat.get(1).text()).isEqualTo("b\n02/13/2022, 10:00 - Bob: quoted from an American export");
    }

    @Test
    void twoDigitYearsAreThisCentury() throws Exception {
        Parsed chat = parseText("[25/12/09, 10:00:00] Ann: a\n");

        assertThat(chat.get(0).localTime()).isEqualTo(LocalDateTime.of(2009, 12, 25, 10, 0));
    }
}
