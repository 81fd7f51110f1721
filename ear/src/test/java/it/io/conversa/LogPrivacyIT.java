package it.io.conversa;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Privacy in logs: every API answer carries an X-Request-Id (the caller's, or a new one), and after a
 * code login and a webhook message the server's log holds the request ids but not the phone number,
 * the login code, the tokens or the message's text.
 */
class LogPrivacyIT {

    private static final String MESSAGES = "/v25.0/106540352242922/messages";

    @RegisterExtension
    static final FakeGraphApi graph = FakeGraphApi.shared();

    @BeforeAll
    static void fakeTheGraphApi() {
        graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":"
                + "\"{{jsonPath request.body '$.to'}}\",\"wa_id\":\"{{jsonPath request.body '$.to'}}\"}],\"messages\":"
                + "[{\"id\":\"wamid.login-{{randomValue type='UUID'}}\"}]}")));
    }

    @Test
    void answersCarryARequestId() {
        Api.Answer echoed = header(Api.request("/api/v1/conversations", Api.adminToken()).header("X-Request-Id", "trace-it-1"));
        assertThat(echoed.body()).isEqualTo("trace-it-1");
        assertThat(header(Api.request("/api/v1/conversations", null)).body()).as("generated, even for a 401").matches("[0-9a-f-]{36}");
        assertThat(header(Api.request("/api/v1/conversations", null).header("X-Request-Id", "no spaces allowed")).body())
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void theServerLogHoldsNoNumberCodeTokenOrMessageText() throws Exception {
        String phone = "+4915" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L));
        String requestId = "trace-" + UUID.randomUUID();
        assertThat(Api.send(Api.request("/api/v1/auth/request-code", null).header("Content-Type", "application/json")
                .header("X-Request-Id", requestId).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"phone\":\"" + phone + "\"}"))).status()).isEqualTo(202);
        String code = awaitCode(phone);
        JsonNode login = Api.postJson("/api/v1/auth/verify", null, Map.of("phone", phone, "code", code)).json();
        String access = login.get("access_token").asText();
        String refresh = login.get("refresh_token").asText();
        assertThat(Api.get("/api/v1/conversations", access).status()).isEqualTo(200);

        String text = "my diagnosis " + UUID.randomUUID();
        String wamid = "wamid." + UUID.randomUUID();
        Api.signedWebhook("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":"
                + "\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"" + phone.substring(1) + "\"}],"
                + "\"messages\":[{\"from\":\"" + phone.substring(1) + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]},\"field\":\"messages\"}]}]}");
        Api.await(() -> Api.get("/api/v1/whatsapp/messages/" + URLEncoder.encode(wamid, StandardCharsets.UTF_8), Api.adminToken()),
                a -> a.status() == 200 && a.json().hasNonNull("conversationId"));
        Api.pause();

        String log = Files.readString(Path.of(System.getProperty("it.data.dir"), "liberty", "conversa", "logs", "messages.log"));
        assertThat(log).contains("request " + requestId);
        assertThat(log).as("phone number").doesNotContain(phone.substring(1)).doesNotContain(phone);
        assertThat(log).as("tokens").doesNotContain(access).doesNotContain(refresh)
                .doesNotContain(access.substring(access.lastIndexOf('.') + 1));
        assertThat(log).as("message text").doesNotContain(text);
        assertThat(log).as("login code").doesNotContainPattern("(?i)code\\D{0,20}" + code);
    }

    private static Api.Answer header(java.net.http.HttpRequest.Builder request) {
        try {
            var response = Api.HTTP.send(request.GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            return new Api.Answer(response.statusCode(), "", response.headers().firstValue("X-Request-Id").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String awaitCode(String phone) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<LoggedRequest> sent = sent(phone);
        while (sent.isEmpty() && System.nanoTime() < deadline) {
            Api.pause();
            sent = sent(phone);
        }
        assertThat(sent).hasSize(1);
        return Api.JSON.readTree(sent.get(0).getBodyAsString()).get("template").get("components").get(0).get("parameters").get(0)
                .get("text").asText();
    }

    private static List<LoggedRequest> sent(String phone) {
        return graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(phone.substring(1)))));
    }
}
