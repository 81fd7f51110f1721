package io.conversa.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageWriterTest {

    @Test
    void readsTheNumberOfAnUnsavedContactFromTheAuthorName() {
        assertThat(MessageWriter.phoneOf("+410123456789")).isEqualTo("+410123456789");
        assertThat(MessageWriter.phoneOf("\u202A+49 170 123-4567\u202C")).isEqualTo("+491701234567");
        assertThat(MessageWriter.phoneOf("+1 (555) 010 0199")).isEqualTo("+15550100199");
    }

    @Test
    void leavesNamesAndShortNumbersAlone() {
        assertThat(MessageWriter.phoneOf("Sample User")).isNull();
        assertThat(MessageWriter.phoneOf("+123")).isNull();
        assertThat(MessageWriter.phoneOf("0170 1234567")).isNull();
    }
}
