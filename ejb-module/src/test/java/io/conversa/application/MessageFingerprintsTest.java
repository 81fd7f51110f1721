package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversa.interfaces.export.MessageKind;
import io.conversa.interfaces.export.ParsedMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageFingerprintsTest {

    private static final LocalDateTime NINE = LocalDateTime.parse("2024-05-01T09:00:00");

    @Test
    void aLaterExportGivesTheSameMessageTheSameFingerprint() {
        long first = new MessageFingerprints().of(message(NINE, "Ana", "ok", 3));
        long later = new MessageFingerprints().of(message(NINE, "Ana", "ok", 250));
        assertThat(later).isEqualTo(first);
    }

    @Test
    void twoIdenticalMessagesInTheSameMinuteStayTwo() {
        MessageFingerprints fingerprints = new MessageFingerprints();
        assertThat(fingerprints.of(message(NINE, "Ana", "ok", 0)))
                .isNotEqualTo(fingerprints.of(message(NINE, "Ana", "ok", 1)));
    }

    @Test
    void theTimeZoneChosenForAnImportDoesNotChangeTheFingerprint() {
        ParsedMessage utc = message(NINE, "Ana", "ok", 0);
        ParsedMessage lisbon = new ParsedMessage(0, 1, NINE, NINE.toInstant(ZoneOffset.ofHours(1)), "Ana",
                MessageKind.TEXT, "ok", null, false, List.of());
        assertThat(new MessageFingerprints().of(lisbon)).isEqualTo(new MessageFingerprints().of(utc));
    }

    @Test
    void authorTextAndTimeEachTellMessagesApart() {
        long base = new MessageFingerprints().of(message(NINE, "Ana", "ok", 0));
        assertThat(new MessageFingerprints().of(message(NINE, "Ben", "ok", 0))).isNotEqualTo(base);
        assertThat(new MessageFingerprints().of(message(NINE, "Ana", "ok!", 0))).isNotEqualTo(base);
        assertThat(new MessageFingerprints().of(message(NINE.plusMinutes(1), "Ana", "ok", 0))).isNotEqualTo(base);
    }

    private static ParsedMessage message(LocalDateTime at, String author, String text, int sequence) {
        Instant sentAt = at.toInstant(ZoneOffset.UTC);
        return new ParsedMessage(sequence, sequence + 1L, at, sentAt, author, MessageKind.TEXT, text, null, false, List.of());
    }
}
