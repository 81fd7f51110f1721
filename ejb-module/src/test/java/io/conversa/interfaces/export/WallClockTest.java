package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversa.interfaces.export.Exports.Parsed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wall times become instants in the conversation's zone, with the DST policy made explicit. */
class WallClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void ordinaryTimeUsesTheZonesOffset() {
        assertThat(new WallClock(BERLIN).toInstant(LocalDateTime.of(2022, 7, 1, 12, 0)))
                .isEqualTo(Instant.parse("2022-07-01T10:00:00Z"));
    }

    @Test
    void timeInTheSpringGapIsShiftedForwardByTheGap() {
        // 02:30 never happened on 27 March 2022 in Berlin: clocks jumped from 02:00 to 03:00.
        assertThat(new WallClock(BERLIN).toInstant(LocalDateTime.of(2022, 3, 27, 2, 30)))
                .isEqualTo(Instant.parse("2022-03-27T01:30:00Z"));
    }

    @Test
    void timeInTheAutumnOverlapTakesTheEarlierOffset() {
        // 02:30 happened twice on 30 October 2022 in Berlin: first at +02:00, then at +01:00.
        assertThat(new WallClock(BERLIN).toInstant(LocalDateTime.of(2022, 10, 30, 2, 30)))
                .isEqualTo(Instant.parse("2022-10-30T00:30:00Z"));
    }

    @Test
    void fixedOffsetZones() {
        assertThat(new WallClock(ZoneOffset.ofHours(-3)).toInstant(LocalDateTime.of(2022, 3, 27, 2, 30)))
                .isEqualTo(Instant.parse("2022-03-27T05:30:00Z"));
    }

    /**
     * A day's instants come from its midnight when no transition is near it; checked here against the policy's
     * direct path ({@code ZoneRules.getOffset} for each time) at every quarter hour of four years, in zones with
     * DST at different hours, a half-hour shift (Lord Howe), a skipped day (Apia, 30 December 2011) and none.
     */
    @Test
    void everyQuarterHourOfFourYearsAgreesWithTheZonesRules() {
        for (String zone : List.of("Europe/Berlin", "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe",
                "Pacific/Apia", "Asia/Kathmandu", "UTC")) {
            ZoneRules rules = ZoneId.of(zone).getRules();
            WallClock clock = new WallClock(ZoneId.of(zone));
            for (LocalDate date = LocalDate.of(2010, 1, 1); date.getYear() < 2014; date = date.plusDays(1)) {
                // One date instance for the day's times, as the parser shares it.
                for (int minute = 0; minute < 24 * 60; minute += 15) {
                    LocalDateTime wallTime = LocalDateTime.of(date, LocalTime.of(minute / 60, minute % 60));
                    assertThat(clock.toInstant(wallTime)).as("%s in %s", wallTime, zone)
                            .isEqualTo(wallTime.toInstant(rules.getOffset(wallTime)));
                }
            }
        }
    }

    @Test
    void parserAppliesThePolicyToMessages() throws Exception {
        byte[] export = """
                27/03/2022, 02:30 - Ann: in the gap
                30/10/2022, 02:30 - Ann: in the overlap
                """.getBytes(StandardCharsets.UTF_8);

        Parsed chat = Exports.parse(export, null, BERLIN);

        assertThat(chat.get(0).localTime()).isEqualTo(LocalDateTime.of(2022, 3, 27, 2, 30));
        assertThat(chat.messages()).extracting(ParsedMessage::sentAt).containsExactly(
                Instant.parse("2022-03-27T01:30:00Z"), Instant.parse("2022-10-30T00:30:00Z"));
    }
}
