package it.io.conversa;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * CSRF on the admin pages' Faces forms: the staff-accounts form creates an account only when posted
 * with the jakarta.faces.ViewState of the admin's own session. Posted without one, with a made-up one
 * or with another session's (what a forged cross-site form could send at best), it creates nothing.
 */
class FacesCsrfIT {

    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"account\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("<form[^>]*id=\"account\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    @Test
    void createsAnAccountOnlyWithThisSessionsViewState() throws Exception {
        HttpClient admin = signedIn("admin", Api.ADMIN_PASSWORD);
        Form mine = Form.of(fetch(admin, "/admin/accounts.xhtml"));
        assertThat(mine.hidden()).containsKey(VIEW_STATE);
        String username = "it-csrf-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> without = post(admin, mine, username, null);
        assertThat(without.body()).doesNotContain("Account " + username + " created");
        assertThat(accounts()).as("posted without a ViewState").doesNotContain(username);

        HttpResponse<String> forged = post(admin, mine, username, "forged-" + UUID.randomUUID());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(accounts()).as("posted with a made-up ViewState").doesNotContain(username);

        Form theirs = Form.of(fetch(signedIn("admin", Api.ADMIN_PASSWORD), "/admin/accounts.xhtml"));
        assertThat(theirs.hidden().get(VIEW_STATE)).isNotEqualTo(mine.hidden().get(VIEW_STATE));
        HttpResponse<String> crossSession = post(admin, mine, username, theirs.hidden().get(VIEW_STATE));
        assertThat(crossSession.statusCode()).isEqualTo(403);
        assertThat(crossSession.body()).contains("did not come from your session");
        assertThat(accounts()).as("posted with another session's ViewState").doesNotContain(username);

        HttpResponse<String> genuine = post(admin, mine, username, mine.hidden().get(VIEW_STATE));
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(genuine.body()).contains("Account " + username + " created");
        assertThat(accounts()).contains(username);
        assertThat(Api.token(username, "password-of-" + username).status()).as("the new analyst logs in").isEqualTo(200);
    }

    @Test
    void onlyAdminsOpenTheAccountsPage() throws Exception {
        String analyst = "it-csrf-analyst-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Api.postJson("/api/v1/admin/accounts", Api.adminToken(),
                Map.of("username", analyst, "password", "password-of-" + analyst, "role", "analyst")).status()).isEqualTo(201);
        HttpClient browser = signedIn(analyst, "password-of-" + analyst);
        assertThat(fetch(browser, "/admin/conversations.xhtml").statusCode()).isEqualTo(200);
        assertThat(fetch(browser, "/admin/accounts.xhtml").statusCode()).isEqualTo(403);
    }

    /** The account form as the page rendered it: where it posts and its hidden fields. */
    private record Form(String action, Map<String, String> hidden) {

        static Form of(HttpResponse<String> page) {
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            Matcher form = FORM.matcher(page.body());
            Matcher action = ACTION.matcher(page.body());
            assertThat(form.find() && action.find()).as("the account form in " + page.body()).isTrue();
            Map<String, String> hidden = new LinkedHashMap<>();
            for (Matcher input = HIDDEN.matcher(form.group(1)); input.find(); ) {
                Matcher name = NAME.matcher(input.group());
                Matcher value = VALUE.matcher(input.group());
                if (name.find()) {
                    hidden.put(name.group(1), value.find() ? value.group(1).replace("&#x3a;", ":").replace("&amp;", "&") : "");
                }
            }
            return new Form(action.group(1).replace("&amp;", "&"), hidden);
        }
    }

    private static List<String> accounts() {
        return Api.get("/api/v1/admin/accounts", Api.adminToken()).json().findValuesAsText("username");
    }

    private static HttpResponse<String> post(HttpClient browser, Form form, String username, String viewState)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>(form.hidden());
        fields.remove(VIEW_STATE);
        if (viewState != null) {
            fields.put(VIEW_STATE, viewState);
        }
        fields.put("account:username", username);
        fields.put("account:password", "password-of-" + username);
        fields.put("account:role", "analyst");
        fields.put("account:create", "Create");
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(Api.BASE).resolve(form.action()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body)).build(),
                BodyHandlers.ofString());
    }

    private static HttpClient signedIn(String username, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String form = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form)).build(),
                BodyHandlers.ofString());
        assertThat(landed.uri().getPath()).as("signed in").isEqualTo("/admin/conversations.xhtml");
        return browser;
    }

    private static HttpResponse<String> fetch(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).GET().build(), BodyHandlers.ofString());
    }
}
