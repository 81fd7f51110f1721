package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CountingInputTest {

    @Test
    void countsWhatPasses() throws IOException {
        CountingInput in = new CountingInput(new ByteArrayInputStream(new byte[10_000]));
        in.readAllBytes();
        assertThat(in.count()).isEqualTo(10_000);
    }

    @Test
    void stopsAStreamThatRunsPastItsLimit() {
        CountingInput in = new CountingInput(new ByteArrayInputStream(new byte[10_001]), 10_000);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(UploadTooLargeException.class).hasMessageContaining("10000 bytes");
    }
}
