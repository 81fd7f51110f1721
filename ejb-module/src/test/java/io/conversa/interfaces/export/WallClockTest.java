package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversa.interfaces.export.Exports.Parsed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
