package it.io.conversa;

import static it.io.conversa.Api.adminToken;
import static it.io.conversa.Api.awaitJob;
import static it.io.conversa.Api.importFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Faces admin pages sit behind FORM login and show the imported conversations. */
class AdminPagesIT {

    @Test
    void anAdminSignsInListsConversationsAndOpensOne() throws Exception {
        Api.Answer accepted = importFixture(adminToken(), "exports/android_en_dmy24_pustur-short-chat.txt", "UTC");
        awaitJob(adminToken(), accepted.json().get("jobId").asText());
        String conversationId = accepted.json().get("conversationId").asText();

        HttpClient browser = browser();
        HttpResponse<String> login = fetch(browser, "/admin/conversations.xhtml");
        assertThat(login.body()).contains("j_password");

        HttpResponse<String> list = signIn(browser, "admin", Api.ADMIN_PASSWORD);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.uri().getPath()).isEqualTo("/admin/conversations.xhtml");
        assertThat(list.body()).contains("android_en_dmy24_pustur-short-chat", conversationId);

        HttpResponse<String> one = fetch(browser, "/admin/conversation.xhtml?id=" + conversationId);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("This is a test message", "Sample User");

        HttpResponse<String> imports = fetch(browser, "/admin/jobs.xhtml");
        assertThat(imports.statusCode()).isEqualTo(200);
        assertThat(imports.body()).contains("android_en_dmy24_pustur-short-chat.txt", "SUCCEEDED",
                "<progress max=\"100\" value=\"100\">");
    }

    @Test
    void anAnalystSearchesWithHighlightsAndOpensAConversationsCharts() throws Exception {
        Api.Answer accepted = importFixture(adminToken(), "exports/android_en_dmy-dots_24h_whatstk-pokemon.txt", "UTC");
        awaitJob(adminToken(), accepted.json().get("jobId").asText());
        String conversationId = accepted.json().get("conversationId").asText();
        Api.send(Api.request("/api/v1/admin/jobs/analytics", adminToken()).POST(BodyPublishers.noBody()));

        HttpClient browser = browser();
        fetch(browser, "/admin/conversations.xhtml");
        signIn(browser, "admin", Api.ADMIN_PASSWORD);
        HttpResponse<String> found = fetch(browser, "/admin/search.xhtml?q=pokeball&conversation=" + conversationId);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("2 messages match", "Smart-<mark>pokeball</mark> is created.",
                "design a smart <mark>Pokeball</mark>?", "Prof. Oak");

        HttpResponse<String> charts = fetch(browser, "/admin/analytics.xhtml?id=" + conversationId);
        assertThat(charts.statusCode()).isEqualTo(200);
        assertThat(charts.body()).contains("/scripts/echarts.min.js", "id=\"chart-activity\"", "id=\"chart-heatmap\"",
                "id=\"chart-responses\"", "\"conversationId\":\"" + conversationId + "\"");
        assertThat(fetch(browser, "/scripts/echarts.min.js").body()).contains("echarts");
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPage() throws Exception {
        HttpClient browser = browser();
        fetch(browser, "/admin/conversations.xhtml");
        HttpResponse<String> refused = signIn(browser, "admin", "wrong-password");
        assertThat(refused.uri().getPath()).isEqualTo("/login.html");
        assertThat(refused.uri().getQuery()).contains("error");
        assertThat(fetch(browser, "/admin/conversations.xhtml").body()).contains("j_password");
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static HttpResponse<String> fetch(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).GET().build(), BodyHandlers.ofString());
    }

    private static HttpResponse<String> signIn(HttpClient browser, String username, String password)
            throws IOException, InterruptedException {
        String form = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
    }
}
