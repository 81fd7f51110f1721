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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Logging in with a code sent over WhatsApp, the Graph API faked: the code is read from the send
 * request Conversa makes, as the user would read it on their phone.
 */
class CodeLoginIT {

    private static final String MESSAGES = "/v25.0/106540352242922/messages";
    @RegisterExtension
    static final FakeGraphApi graph = FakeGraphApi.shared();

    /** Every accepted send gets a WhatsApp id of its own, as Meta gives. */
    @BeforeAll
    static void metaAcceptsEverySend() {
        graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":"
                + "\"{{jsonPath request.body '$.to'}}\",\"wa_id\":\"{{jsonPath request.body '$.to'}}\"}],\"messages\":"
                + "[{\"id\":\"wamid.login-{{randomValue type='UUID'}}\"}]}")));
    }

    @Test
    void logsInWithTheCodeSentOverWhatsAppOnceAndOnlyOnce() {
        String phone = newNumber();
        String code = requestCode(phone);

        for (int wrong = 0; wrong < 4; wrong++) {
            Api.Answer refused = verify(phone, otherThan(code));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Api.Answer login = verify(phone, code);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(login.json().get("refresh_token").asText()).isNotBlank();
        assertThat(Api.get("/api/v1/conversations", login.json().get("access_token").asText()).status()).isEqualTo(200);
        assertThat(Api.get("/api/v1/admin/accounts", login.json().get("access_token").asText()).status()).isEqualTo(403);

        assertThat(verify(phone, code).status()).as("the code works once").isEqualTo(401);
    }

    @Test
    void killsTheCodeAfterFiveWrongTries() {
        String phone = newNumber();
        String code = requestCode(phone);
        for (int wrong = 0; wrong < 5; wrong++) {
            assertThat(verify(phone, otherThan(code)).status()).isEqualTo(401);
        }
        assertThat(verify(phone, code).status()).isEqualTo(401);
    }

    @Test
    void refusesAnExpiredCode() throws InterruptedException {
        String phone = newNumber();
        String code = requestCode(phone);
        Thread.sleep(Duration.ofSeconds(7).toMillis()); // the test server's codes live 6 s (CONVERSA_LOGIN_CODE_TTL)
        assertThat(verify(phone, code).status()).isEqualTo(401);
    }

    @Test
    void rotatesRefreshTokensAndEndsTheLoginWhenAnOldOneComesBack() {
        String phone = newNumber();
        JsonNode first = verify(phone, requestCode(phone)).json();

        Api.Answer renewed = refresh(first.get("refresh_token").asText());
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
        assertThat(Api.get("/api/v1/conversations", renewed.json().get("access_token").asText()).status()).isEqualTo(200);

        assertThat(refresh(first.get("refresh_token").asText()).status()).as("a used token replayed").isEqualTo(401);
        assertThat(refresh(renewed.json().get("refresh_token").asText()).status()).as("its whole family revoked").isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String phone = newNumber();
        JsonNode login = verify(phone, requestCode(phone)).json();
        Api.Answer out = Api.postJson("/api/v1/auth/logout", null, Map.of("refresh_token", login.get("refresh_token").asText()));
        assertThat(out.status()).isEqualTo(204);
        assertThat(refresh(login.get("refresh_token").asText()).status()).isEqualTo(401);
    }

    @Test
    void answersTheSameForKnownAndUnknownNumbers() {
        String known = newNumber();
        verify(known, requestCode(known));
        Api.Answer forKnown = Api.postJson("/api/v1/auth/request-code", null, Map.of("phone", known));
        Api.Answer forUnknown = Api.postJson("/api/v1/auth/request-code", null, Map.of("phone", newNumber()));
        assertThat(forKnown.status()).isEqualTo(202);
        assertThat(forUnknown.status()).isEqualTo(forKnown.status());
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
    }

    @Test
    void limitsCodesPerNumberAndRefusesMalformedNumbers() {
        String phone = newNumber();
        for (int i = 0; i < 5; i++) {
            assertThat(Api.postJson("/api/v1/auth/request-code", null, Map.of("phone", phone)).status()).isEqualTo(202);
        }
        Api.Answer limited = Api.postJson("/api/v1/auth/request-code", null, Map.of("phone", phone));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");

        Api.Answer malformed = Api.postJson("/api/v1/auth/request-code", null, Map.of("phone", "call me maybe"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asText()).contains("international form");
    }

    @Test
    void auditsLoginsWithTheirOutcome() {
        String phone = newNumber();
        String code = requestCode(phone);
        verify(phone, otherThan(code));
        verify(phone, code);
        JsonNode lines = Api.get("/api/v1/admin/audit?action=login.verify&target=" + phone.substring(1), Api.adminToken())
                .json().get("entries");
        assertThat(lines.findValuesAsText("outcome")).containsExactly("ok", "refused");
        assertThat(lines.get(0).get("actor").asText()).isEqualTo(phone);
    }

    /** Asks for a code and reads it from the template message Conversa sent through the Graph API. */
    private static String requestCode(String phone) {
        int before = sentTo(phone).size();
        assertThat(Api.postJson("/api/v1/auth/request-code", null, Map.of("phone", phone)).status()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<LoggedRequest> sent = sentTo(phone);
        while (sent.size() == before && System.nanoTime() < deadline) {
            Api.pause();
            sent = sentTo(phone);
        }
        assertThat(sent).hasSize(before + 1);
        try {
            JsonNode template = Api.JSON.readTree(sent.get(sent.size() - 1).getBodyAsString()).get("template");
            assertThat(template.get("name").asText()).isEqualTo("login_code");
            return template.get("components").get(0).get("parameters").get(0).get("text").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LoggedRequest> sentTo(String phone) {
        return graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(phone.substring(1)))));
    }

    private static Api.Answer verify(String phone, String code) {
        return Api.postJson("/api/v1/auth/verify", null, Map.of("phone", phone, "code", code));
    }

    private static Api.Answer refresh(String token) {
        return Api.postJson("/api/v1/auth/refresh", null, Map.of("refresh_token", token));
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1 + ThreadLocalRandom.current().nextInt(999_998)) % 1_000_000);
    }

    private static String newNumber() {
        return "+4915" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L));
    }
}
