package io.conversa.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsAPlainIdTheCallerSent() {
        assertThat(RequestIds.idFor("trace-42.a_b")).isEqualTo("trace-42.a_b");
    }

    @Test
    void replacesAMissingOrUnsafeIdWithANewOne() {
        assertThat(RequestIds.idFor(null)).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.idFor("line\nbreak")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.idFor("x".repeat(65))).matches("[0-9a-f-]{36}");
    }
}
