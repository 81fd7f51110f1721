package it.io.conversa;

import static it.io.conversa.Api.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API description answer as operators and integrators expect. */
class PlatformIT {

    @Test
    void readinessChecksEveryBackingService() {
        Api.Answer ready = get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        JsonNode health = ready.json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("checks").findValuesAsText("name"))
                .contains("postgresql", "redis", "object-storage", "jms");
        assertThat(health.get("checks").findValuesAsText("status")).containsOnly("UP");
    }

    @Test
    void metricsArePrometheusTextWithoutLogin() {
        Api.Answer metrics = get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("# TYPE");
    }

    @Test
    void openApiDescribesTheApi() {
        Api.Answer openapi = get("/openapi", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/conversations/import", "/api/v1/jobs/{id}", "/api/v1/auth/token");
        assertThat(get("/openapi/ui/", null).status()).isEqualTo(200);
    }
}
