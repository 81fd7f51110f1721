package it.io.conversa;

import static it.io.conversa.Api.adminToken;
import static it.io.conversa.Api.awaitJob;
import static it.io.conversa.Api.get;
import static it.io.conversa.Api.importFixture;
import static it.io.conversa.Api.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may call what: every endpoint with no token, a forged token, and each role. A user reads
 * only what they imported; staff readers read every conversation; only admins administer.
 */
class AccessRulesIT {

    private static final String FORGED = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJpc3MiOiJjb252ZXJzYSIsInN1YiI6ImFkbWluIiwidXBuIjoiYWRtaW4iLCJncm91cHMiOlsiYWRtaW4iXSwiZXhwIjo0MTAyNDQ0ODAwfQ"
            + ".c2lnbmVkLWJ5LXNvbWVvbmUtZWxzZQ";

    private static final String SHORT_CHAT = "exports/android_en_dmy24_pustur-short-chat.txt";

    private static String conversationId;
    private static String jobId;
    private static long executionId;

    @BeforeAll
    static void anAdminImportedOneConversation() {
        Api.Answer accepted = importFixture(adminToken(), SHORT_CHAT, "UTC");
        jobId = accepted.json().get("jobId").asText();
        conversationId = accepted.json().get("conversationId").asText();
        assertThat(awaitJob(adminToken(), jobId).get("status").asText()).isEqualTo("SUCCEEDED");
        executionId = Api.send(Api.request("/api/v1/admin/batch/recount-messages", adminToken())
                .POST(BodyPublishers.noBody())).json().get("executionId").asLong();
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
        "GET, /api/v1/conversations, none, 401",
        "GET, /api/v1/conversations, forged, 401",
        "GET, /api/v1/conversations, admin, 200",
        "GET, /api/v1/conversations, analyst, 200",
        "GET, /api/v1/conversations, integrator, 200",
        "GET, /api/v1/conversations, user, 200",
        "GET, /api/v1/conversations/{conversation}, none, 401",
        "GET, /api/v1/conversations/{conversation}, forged, 401",
        "GET, /api/v1/conversations/{conversation}, admin, 200",
        "GET, /api/v1/conversations/{conversation}, analyst, 200",
        "GET, /api/v1/conversations/{conversation}, integrator, 200",
        "GET, /api/v1/conversations/{conversation}, user, 404",
        "GET, /api/v1/conversations/{conversation}/messages, none, 401",
        "GET, /api/v1/conversations/{conversation}/messages, admin, 200",
        "GET, /api/v1/conversations/{conversation}/messages, analyst, 200",
        "GET, /api/v1/conversations/{conversation}/messages, integrator, 200",
        "GET, /api/v1/conversations/{conversation}/messages, user, 404",
        "GET, /api/v1/jobs/{job}, none, 401",
        "GET, /api/v1/jobs/{job}, admin, 200",
        "GET, /api/v1/jobs/{job}, analyst, 404",
        "GET, /api/v1/jobs/{job}, integrator, 404",
        "GET, /api/v1/jobs/{job}, user, 404",
        "GET, /api/v1/admin/accounts, none, 401",
        "GET, /api/v1/admin/accounts, forged, 401",
        "GET, /api/v1/admin/accounts, admin, 200",
        "GET, /api/v1/admin/accounts, analyst, 403",
        "GET, /api/v1/admin/accounts, integrator, 403",
        "GET, /api/v1/admin/accounts, user, 403",
        "GET, /api/v1/admin/batch/executions/{execution}, none, 401",
        "GET, /api/v1/admin/batch/executions/{execution}, admin, 200",
        "GET, /api/v1/admin/batch/executions/{execution}, analyst, 403",
        "GET, /api/v1/admin/batch/executions/{execution}, user, 403",
        "POST, /api/v1/admin/batch/recount-messages, none, 401",
        "POST, /api/v1/admin/batch/recount-messages, analyst, 403",
        "POST, /api/v1/admin/batch/recount-messages, integrator, 403",
        "POST, /api/v1/admin/batch/recount-messages, user, 403",
        "POST, /api/v1/admin/batch/recount-messages, admin, 202",
        "POST, /api/v1/admin/accounts, analyst, 403",
        "GET, /api/v1/whatsapp/messages/wamid.unknown, none, 401",
        "GET, /api/v1/whatsapp/messages/wamid.unknown, user, 403",
        "GET, /api/v1/whatsapp/messages/wamid.unknown, analyst, 404",
        "GET, /api/v1/whatsapp/messages/wamid.unknown, admin, 404",
        "POST, /api/v1/exports/inspect, none, 401",
        "POST, /api/v1/exports/inspect, forged, 401",
        "POST, /api/v1/exports/inspect, admin, 200",
        "POST, /api/v1/exports/inspect, analyst, 200",
        "POST, /api/v1/exports/inspect, integrator, 200",
        "POST, /api/v1/exports/inspect, user, 200",
        "GET, /api/v1/conversations/{conversation}/media, none, 401",
        "GET, /api/v1/conversations/{conversation}/media, admin, 200",
        "GET, /api/v1/conversations/{conversation}/media, analyst, 200",
        "GET, /api/v1/conversations/{conversation}/media, user, 404",
        "GET, /api/v1/conversations/{conversation}/media/missing, none, 401",
        "GET, /api/v1/conversations/{conversation}/media/missing, forged, 401",
        "GET, /api/v1/conversations/{conversation}/media/missing, admin, 200",
        "GET, /api/v1/conversations/{conversation}/media/missing, analyst, 200",
        "GET, /api/v1/conversations/{conversation}/media/missing, integrator, 200",
        "GET, /api/v1/conversations/{conversation}/media/missing, user, 404",
        "POST, /api/v1/search, none, 401",
        "POST, /api/v1/search, forged, 401",
        "POST, /api/v1/search, admin, 400",
        "POST, /api/v1/search, analyst, 400",
        "POST, /api/v1/search, integrator, 400",
        "POST, /api/v1/search, user, 400",
        "GET, /api/v1/conversations/{conversation}/analytics, none, 401",
        "GET, /api/v1/conversations/{conversation}/analytics, forged, 401",
        "GET, /api/v1/conversations/{conversation}/analytics, admin, 200",
        "GET, /api/v1/conversations/{conversation}/analytics, analyst, 200",
        "GET, /api/v1/conversations/{conversation}/analytics, integrator, 200",
        "GET, /api/v1/conversations/{conversation}/analytics, user, 404",
        "GET, /api/v1/analytics/overview, none, 401",
        "GET, /api/v1/analytics/overview, forged, 401",
        "GET, /api/v1/analytics/overview, admin, 200",
        "GET, /api/v1/analytics/overview, analyst, 200",
        "GET, /api/v1/analytics/overview, integrator, 200",
        "GET, /api/v1/analytics/overview, user, 200",
        "POST, /api/v1/admin/jobs/analytics, none, 401",
        "POST, /api/v1/admin/jobs/analytics, forged, 401",
        "POST, /api/v1/admin/jobs/analytics, analyst, 403",
        "POST, /api/v1/admin/jobs/analytics, integrator, 403",
        "POST, /api/v1/admin/jobs/analytics, user, 403",
        "POST, /api/v1/admin/jobs/analytics, admin, 202",
        "POST, /api/v1/admin/jobs/retention, none, 401",
        "POST, /api/v1/admin/jobs/retention, forged, 401",
        "POST, /api/v1/admin/jobs/retention, analyst, 403",
        "POST, /api/v1/admin/jobs/retention, integrator, 403",
        "POST, /api/v1/admin/jobs/retention, user, 403",
        "POST, /api/v1/admin/jobs/retention, admin, 409",
        "POST, /api/v1/admin/accounts/999999/tokens, none, 401",
        "POST, /api/v1/admin/accounts/999999/tokens, forged, 401",
        "POST, /api/v1/admin/accounts/999999/tokens, analyst, 403",
        "POST, /api/v1/admin/accounts/999999/tokens, integrator, 403",
        "POST, /api/v1/admin/accounts/999999/tokens, user, 403",
        "POST, /api/v1/admin/accounts/999999/tokens, admin, 404",
        "GET, /api/v1/admin/accounts/999999/tokens, none, 401",
        "GET, /api/v1/admin/accounts/999999/tokens, forged, 401",
        "GET, /api/v1/admin/accounts/999999/tokens, analyst, 403",
        "GET, /api/v1/admin/accounts/999999/tokens, integrator, 403",
        "GET, /api/v1/admin/accounts/999999/tokens, user, 403",
        "GET, /api/v1/admin/accounts/999999/tokens, admin, 404",
        "DELETE, /api/v1/admin/accounts/999999/tokens/00000000-0000-0000-0000-000000000000, none, 401",
        "DELETE, /api/v1/admin/accounts/999999/tokens/00000000-0000-0000-0000-000000000000, forged, 401",
        "DELETE, /api/v1/admin/accounts/999999/tokens/00000000-0000-0000-0000-000000000000, analyst, 403",
        "DELETE, /api/v1/admin/accounts/999999/tokens/00000000-0000-0000-0000-000000000000, integrator, 403",
        "DELETE, /api/v1/admin/accounts/999999/tokens/00000000-0000-0000-0000-000000000000, user, 403",
        "DELETE, /api/v1/admin/accounts/999999/tokens/00000000-0000-0000-0000-000000000000, admin, 404",
        "POST, /api/v1/admin/search/reindex, none, 401",
        "POST, /api/v1/admin/search/reindex, forged, 401",
        "POST, /api/v1/admin/search/reindex, analyst, 403",
        "POST, /api/v1/admin/search/reindex, integrator, 403",
        "POST, /api/v1/admin/search/reindex, user, 403",
        "GET, /api/v1/admin/search/reindex/{execution}, none, 401",
        "GET, /api/v1/admin/search/reindex/{execution}, analyst, 403",
        "GET, /api/v1/admin/search/reindex/{execution}, user, 403",
        "GET, /api/v1/admin/search/reindex/{execution}, admin, 404",
        "POST, /api/v1/conversations/import, none, 401",
        "POST, /api/v1/conversations/import, forged, 401",
        "POST, /api/v1/conversations/import, admin, 202",
        "POST, /api/v1/conversations/import, analyst, 202",
        "POST, /api/v1/conversations/import, integrator, 202",
        "POST, /api/v1/conversations/import, user, 202",
        "POST, /api/v1/conversations/{conversation}/messages, none, 401",
        "POST, /api/v1/conversations/{conversation}/messages, forged, 401",
        "POST, /api/v1/conversations/{conversation}/messages, admin, 400",
        "POST, /api/v1/conversations/{conversation}/messages, integrator, 400",
        "POST, /api/v1/conversations/{conversation}/messages, analyst, 403",
        "POST, /api/v1/conversations/{conversation}/messages, user, 403",
        "GET, /api/v1/outbound/00000000-0000-0000-0000-000000000000, none, 401",
        "GET, /api/v1/outbound/00000000-0000-0000-0000-000000000000, admin, 404",
        "GET, /api/v1/outbound/00000000-0000-0000-0000-000000000000, integrator, 404",
        "GET, /api/v1/outbound/00000000-0000-0000-0000-000000000000, analyst, 403",
        "GET, /api/v1/outbound/00000000-0000-0000-0000-000000000000, user, 403",
        "GET, /api/v1/admin/outbound, none, 401",
        "GET, /api/v1/admin/outbound, forged, 401",
        "GET, /api/v1/admin/outbound, admin, 200",
        "GET, /api/v1/admin/outbound, analyst, 403",
        "GET, /api/v1/admin/outbound, integrator, 403",
        "GET, /api/v1/admin/outbound, user, 403",
        "POST, /api/v1/admin/outbound/00000000-0000-0000-0000-000000000000/retry, none, 401",
        "POST, /api/v1/admin/outbound/00000000-0000-0000-0000-000000000000/retry, admin, 404",
        "POST, /api/v1/admin/outbound/00000000-0000-0000-0000-000000000000/retry, integrator, 403",
        "POST, /api/v1/admin/outbound/00000000-0000-0000-0000-000000000000/retry, user, 403",
        "POST, /api/v1/auth/token, none, 400",
        "POST, /api/v1/auth/request-code, none, 400",
        "POST, /api/v1/auth/verify, none, 400",
        "POST, /api/v1/auth/refresh, none, 401",
        "POST, /api/v1/auth/logout, none, 204",
        "GET, /api/v1/admin/audit, none, 401",
        "GET, /api/v1/admin/audit, forged, 401",
        "GET, /api/v1/admin/audit, admin, 200",
        "GET, /api/v1/admin/audit, analyst, 403",
        "GET, /api/v1/admin/audit, integrator, 403",
        "GET, /api/v1/admin/audit, user, 403",
        "GET, /api/v1/admin/audit/verify, none, 401",
        "GET, /api/v1/admin/audit/verify, admin, 200",
        "GET, /api/v1/admin/audit/verify, analyst, 403",
        "GET, /api/v1/admin/audit/verify, user, 403",
        "POST, /api/v1/privacy/export, none, 401",
        "POST, /api/v1/privacy/export, forged, 401",
        "POST, /api/v1/privacy/export, admin, 400",
        "POST, /api/v1/privacy/export, user, 400",
        "POST, /api/v1/privacy/export, analyst, 403",
        "POST, /api/v1/privacy/export, integrator, 403",
        "POST, /api/v1/privacy/erase, none, 401",
        "POST, /api/v1/privacy/erase, forged, 401",
        "POST, /api/v1/privacy/erase, admin, 400",
        "POST, /api/v1/privacy/erase, user, 400",
        "POST, /api/v1/privacy/erase, analyst, 403",
        "POST, /api/v1/privacy/erase, integrator, 403",
        "GET, /api/v1/admin/channels, none, 401",
        "GET, /api/v1/admin/channels, forged, 401",
        "GET, /api/v1/admin/channels, admin, 200",
        "GET, /api/v1/admin/channels, analyst, 403",
        "GET, /api/v1/admin/channels, integrator, 403",
        "GET, /api/v1/admin/channels, user, 403",
        "POST, /api/v1/admin/channels, none, 401",
        "POST, /api/v1/admin/channels, forged, 401",
        "POST, /api/v1/admin/channels, admin, 400",
        "POST, /api/v1/admin/channels, analyst, 403",
        "POST, /api/v1/admin/channels, integrator, 403",
        "POST, /api/v1/admin/channels, user, 403",
        "DELETE, /api/v1/admin/channels/000000, none, 401",
        "DELETE, /api/v1/admin/channels/000000, forged, 401",
        "DELETE, /api/v1/admin/channels/000000, admin, 404",
        "DELETE, /api/v1/admin/channels/000000, analyst, 403",
        "DELETE, /api/v1/admin/channels/000000, integrator, 403",
        "DELETE, /api/v1/admin/channels/000000, user, 403",
        "POST, /api/v1/admin/keys/rotate, none, 401",
        "POST, /api/v1/admin/keys/rotate, forged, 401",
        "POST, /api/v1/admin/keys/rotate, analyst, 403",
        "POST, /api/v1/admin/keys/rotate, integrator, 403",
        "POST, /api/v1/admin/keys/rotate, user, 403",
        "GET, /api/v1/conversations/{conversation}/nlp, none, 401",
        "GET, /api/v1/conversations/{conversation}/nlp, forged, 401",
        "GET, /api/v1/conversations/{conversation}/nlp, admin, 200",
        "GET, /api/v1/conversations/{conversation}/nlp, analyst, 200",
        "GET, /api/v1/conversations/{conversation}/nlp, integrator, 200",
        "GET, /api/v1/conversations/{conversation}/nlp, user, 404",
        "POST, /api/v1/admin/nlp/rerun, none, 401",
        "POST, /api/v1/admin/nlp/rerun, forged, 401",
        "POST, /api/v1/admin/nlp/rerun, analyst, 403",
        "POST, /api/v1/admin/nlp/rerun, integrator, 403",
        "POST, /api/v1/admin/nlp/rerun, user, 403",
        "POST, /api/v1/admin/nlp/rerun, admin, 202",
        "GET, /api/v1/admin/nlp/rerun/{execution}, none, 401",
        "GET, /api/v1/admin/nlp/rerun/{execution}, admin, 404",
        "GET, /api/v1/admin/nlp/rerun/{execution}, analyst, 403",
        "GET, /api/v1/admin/nlp/rerun/{execution}, user, 403",
    })
    void answersEachCallerAsTheRulesSay(String method, String template, String who, int expected) {
        String path = template.replace("{conversation}", conversationId).replace("{job}", jobId)
                .replace("{execution}", Long.toString(executionId));
        String token = switch (who) {
            case "none" -> null;
            case "forged" -> FORGED;
            default -> tokenFor(who);
        };
        var request = Api.request(path, token);
        Api.Answer answer = path.endsWith("/import") ? importFixture(token, SHORT_CHAT, "UTC")
                : path.endsWith("/inspect") ? Api.inspectFixture(token, SHORT_CHAT)
                : Api.send(method.equals("GET") ? request.GET() : method.equals("DELETE") ? request.DELETE()
                        : request.header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(expected);
        if (expected == 401 || expected == 403) { // refusals of the token checks explain themselves too
            assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
            assertThat(answer.json().get("status").asInt()).isEqualTo(expected);
        }
        if (expected >= 400 && answer.body() != null && !answer.body().isEmpty()) {
            assertThat(answer.body()).doesNotContain("Exception", "\tat ");
        }
    }

    /** A new endpoint without a row in the matrix above fails here: every endpoint must say who may call it. */
    @Test
    void everyEndpointOfTheOpenApiDocumentHasRulesInThisTest() throws NoSuchMethodException {
        JsonNode paths = Api.send(Api.request("/openapi", null).header("Accept", "application/json").GET()).json().get("paths");
        String[] rules = AccessRulesIT.class.getDeclaredMethod("answersEachCallerAsTheRulesSay", String.class, String.class,
                String.class, int.class).getAnnotation(CsvSource.class).value();
        List<String> missing = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!method.matches("get|put|post|delete|patch")) { // not a method: a path item's parameters or summary
                return;
            }
            String pattern = (path.getKey().startsWith("/api/v1") ? "" : "/api/v1") + path.getKey().replaceAll("\\{[^/]+}", "[^/]+");
            boolean covered = Arrays.stream(rules).map(r -> r.split(",\\s*"))
                    .anyMatch(r -> r[0].equalsIgnoreCase(method) && r[1].replaceAll("\\{[a-z]+}", "x").matches(pattern));
            if (!covered) {
                missing.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(paths.size()).isGreaterThan(10);
        assertThat(missing).as("endpoints without access rules").isEmpty();
    }

    @Test
    void aUserReadsWhatTheyImportedAndNoOneElseOfTheirRoleDoes() {
        String owner = Api.freshUserToken();
        Api.Answer accepted = importFixture(owner, SHORT_CHAT, "UTC");
        assertThat(awaitJob(owner, accepted.json().get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        String id = accepted.json().get("conversationId").asText();

        assertThat(get("/api/v1/conversations/" + id, owner).status()).isEqualTo(200);
        assertThat(get("/api/v1/conversations", owner).json().findValuesAsText("id")).containsExactly(id);
        assertThat(get("/api/v1/conversations/" + id, tokenFor("analyst")).status()).isEqualTo(200);

        String stranger = Api.freshUserToken();
        assertThat(get("/api/v1/conversations/" + id, stranger).status()).isEqualTo(404);
        assertThat(get("/api/v1/conversations", stranger).json().findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void refusesAWrongPasswordWithoutSayingWhichPartWasWrong() {
        Api.Answer wrongPassword = Api.token("admin", "not-the-password");
        Api.Answer unknownUser = Api.token("nobody-here", "not-the-password");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
    }

    @Test
    void theBatchJobRunsToCompletion() {
        JsonNode execution;
        int polls = 0;
        do {
            Api.pause();
            execution = get("/api/v1/admin/batch/executions/" + executionId, adminToken()).json();
        } while (!execution.get("status").asText().equals("COMPLETED") && ++polls < 200);
        assertThat(execution.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(execution.get("job").asText()).isEqualTo("recount-messages");
    }
}
