package io.conversa.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class MessageRowTest {

    private static MessageRow row(String author, String body, String attachment) {
        return new MessageRow(author, 0, Instant.EPOCH, LocalDateTime.of(2022, 3, 18, 14, 56), "TEXT", body, attachment,
                false, null, 1L, null, 1);
    }

    @Test
    void replacesWhatPostgresqlTextCannotHold() {
        MessageRow row = row("A\u0000na", "a\u0000b\u0000", "IMG\u0000.jpg");
        assertThat(row.author()).isEqualTo("A\uFFFDna");
        assertThat(row.body()).isEqualTo("a\uFFFDb\uFFFD");
        assertThat(row.attachmentName()).isEqualTo("IMG\uFFFD.jpg");
    }

    @Test
    void leavesOtherTextAndNullsAsTheyAre() {
        String body = "Bom dia! 👋";
        MessageRow row = row(null, body, null);
        assertThat(row.author()).isNull();
        assertThat(row.body()).isSameAs(body);
        assertThat(row.attachmentName()).isNull();
    }
}
