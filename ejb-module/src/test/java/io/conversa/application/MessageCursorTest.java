package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageCursorTest {

    @Test
    void survivesTheRoundTripThroughItsToken() {
        MessageCursor cursor = new MessageCursor(Instant.parse("2022-03-18T14:56:00.123456Z"), 42);
        assertThat(MessageCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void refusesATokenItDidNotHandOut() {
        assertThatThrownBy(() -> MessageCursor.decode("not-a-cursor"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not-a-cursor");
    }
}
