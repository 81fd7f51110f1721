package it.io.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Integrator API tokens: an admin issues one with scopes; it reaches the endpoints its scopes name
 * and nothing else; it is listed without its value; once revoked it is refused on the very next call.
 */
class ApiTokensIT {

    @Test
    void aScopedTokenReachesOnlyItsScopesAndDiesWhenRevoked() throws Exception {
        long account = integrator();
        Api.Answer issued = Api.postJson("/api/v1/admin/accounts/" + account + "/tokens", Api.adminToken(),
                Map.of("name", "crm sync", "scopes", List.of("conversations:read")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        String tokenId = issued.json().get("info").get("id").asText();
        assertThat(issued.json().get("info").get("scopes").get(0).asText()).isEqualTo("conversations:read");

        assertThat(Api.get("/api/v1/conversations", token).status()).isEqualTo(200);
        Api.Answer search = Api.postJson("/api/v1/search", token, Map.of("query", "hello"));
        assertThat(search.status()).isEqualTo(403);
        assertThat(search.body()).contains("search");
        assertThat(Api.postJson("/api/v1/conversations/" + UUID.randomUUID() + "/messages", token, Map.of("text", "hi")).status())
                .as("sending needs messages:send").isEqualTo(403);
        assertThat(Api.get("/api/v1/admin/audit", token).status()).as("its role still rules").isEqualTo(403);

        JsonNode listed = Api.get("/api/v1/admin/accounts/" + account + "/tokens", Api.adminToken()).json();
        assertThat(listed.findValuesAsText("id")).containsExactly(tokenId);
        assertThat(listed.toString()).doesNotContain(token).contains("crm sync", "conversations:read");
        try (Connection db = Api.database(false); ResultSet rows = db.createStatement().executeQuery("SELECT * FROM api_token")) {
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rows.getObject(i))).as("the stored row").doesNotContain(token.substring(token.lastIndexOf('.')));
                }
            }
        }

        assertThat(Api.send(Api.request("/api/v1/admin/accounts/" + account + "/tokens/" + tokenId, Api.adminToken()).DELETE())
                .status()).isEqualTo(204);
        Api.Answer revoked = Api.get("/api/v1/conversations", token);
        assertThat(revoked.status()).as("the next call after revocation").isEqualTo(401);
        assertThat(revoked.contentType()).startsWith("application/problem+json");
        assertThat(revoked.json().get("detail").asText()).contains("revoked");
        assertThat(Api.postJson("/api/v1/search", token, Map.of("query", "hello")).json().get("status").asInt())
                .as("revoked, whatever the endpoint").isEqualTo(401);
        assertThat(Api.get("/api/v1/admin/accounts/" + account + "/tokens", Api.adminToken()).json().get(0).hasNonNull("revokedAt"))
                .isTrue();
    }

    @Test
    void aTokenWithTheScopeToSendAndSearchReachesThose() {
        long account = integrator();
        String token = Api.postJson("/api/v1/admin/accounts/" + account + "/tokens", Api.adminToken(),
                Map.of("name", "bot", "scopes", List.of("search", "messages:send"))).json().get("token").asText();
        assertThat(Api.postJson("/api/v1/search", token, Map.of("query", "hello")).status()).isEqualTo(200);
        assertThat(Api.postJson("/api/v1/conversations/" + UUID.randomUUID() + "/messages", token, Map.of("text", "hi")).status())
                .as("allowed, but no such conversation").isEqualTo(404);
        assertThat(Api.get("/api/v1/conversations", token).status()).isEqualTo(403);
    }

    @Test
    void refusesTokensForOtherAccountsAndUnknownScopes() {
        long analyst = account("analyst");
        assertThat(Api.postJson("/api/v1/admin/accounts/" + analyst + "/tokens", Api.adminToken(),
                Map.of("name", "x", "scopes", List.of("search"))).status()).isEqualTo(400);
        Api.Answer unknown = Api.postJson("/api/v1/admin/accounts/" + integrator() + "/tokens", Api.adminToken(),
                Map.of("name", "x", "scopes", List.of("everything")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown scope 'everything'");
    }

    private static long integrator() {
        return account("integrator");
    }

    private static long account(String role) {
        String username = "it-tokens-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Answer created = Api.postJson("/api/v1/admin/accounts", Api.adminToken(),
                Map.of("username", username, "password", "password-of-" + username, "role", role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
