package io.conversa.infrastructure.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class GraphApiErrorTest {

    @Test
    void readsMetasErrorCodeAndDetails() {
        GraphApiError error = GraphApiError.of(400, Json.createReader(new java.io.StringReader(
                "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047,"
                        + "\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"More than 24 hours\"},"
                        + "\"fbtrace_id\":\"X\"}}")).readObject());
        assertThat(error.code()).isEqualTo(131047);
        assertThat(error.title()).isEqualTo("More than 24 hours");
        assertThat(error.isTransient()).isFalse();
    }

    @Test
    void treatsServerErrorsThrottlingAndThroughputCodesAsTransient() {
        assertThat(new GraphApiError(500, null, null).isTransient()).isTrue();
        assertThat(new GraphApiError(429, null, null).isTransient()).isTrue();
        assertThat(new GraphApiError(400, 130429, "Rate limit hit").isTransient()).isTrue();
        assertThat(new GraphApiError(400, 131056, "Pair rate limit").isTransient()).isTrue();
        assertThat(new GraphApiError(400, 131026, "Message undeliverable").isTransient()).isFalse();
        assertThat(new GraphApiError(401, null, null).isTransient()).isFalse();
    }
}
