package it.io.conversa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: API reads of personal data are recorded with who, what and the outcome; the
 * database refuses to change or remove a line; a line changed behind the database's back (by a
 * superuser, past the triggers) is found by the chain check.
 */
class AuditIT {

    @Test
    void recordsWhoReadWhichConversationAndWhoWasRefused() {
        String analyst = Api.tokenFor("analyst");
        JsonNode accepted = Api.importFixture(Api.adminToken(), "exports/android_en_dmy24_pustur-short-chat.txt", "UTC").json();
        assertThat(Api.awaitJob(Api.adminToken(), accepted.get("jobId").asText()).get("status").asText()).isEqualTo("SUCCEEDED");
        String conversation = accepted.get("conversationId").asText();
        assertThat(Api.get("/api/v1/conversations/" + conversation, analyst).status()).isEqualTo(200);
        assertThat(Api.get("/api/v1/admin/accounts", analyst).status()).isEqualTo(403);

        JsonNode reads = Api.get("/api/v1/admin/audit?action=GET%20/api/v1/conversations/%7Bid%7D&target=" + conversation,
                Api.adminToken()).json().get("entries");
        assertThat(reads).isNotEmpty();
        assertThat(reads.get(0).get("roles").asText()).isEqualTo("analyst");
        assertThat(reads.get(0).get("target").asText()).isEqualTo("id=" + conversation);
        assertThat(reads.get(0).get("outcome").asText()).isEqualTo("200");
        JsonNode refused = Api.get("/api/v1/admin/audit?action=GET%20/api/v1/admin/accounts&limit=5", Api.adminToken())
                .json().get("entries");
        assertThat(refused.findValuesAsText("outcome")).contains("403");
    }

    @Test
    void theDatabaseRefusesToChangeTheTrailAndTheChainShowsWhereItWasChanged() throws Exception {
        Api.get("/api/v1/conversations", Api.tokenFor("integrator"));
        JsonNode intact = Api.get("/api/v1/admin/audit/verify", Api.adminToken()).json();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        long line = Api.get("/api/v1/admin/audit?limit=1", Api.adminToken()).json().get("entries").get(0).get("id").asLong();

        try (Connection app = connect(false); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE id = " + line))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_log WHERE id = " + line))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("TRUNCATE audit_log")).hasMessageContaining("append-only");
        }

        String actor;
        try (Connection superuser = connect(true); Statement sql = superuser.createStatement()) {
            var row = sql.executeQuery("SELECT actor FROM audit_log WHERE id = " + line);
            row.next();
            actor = row.getString(1);
            sql.execute("SET session_replication_role = replica"); // triggers off: what only a superuser can do
            sql.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE id = " + line);
        }
        try {
            JsonNode broken = Api.get("/api/v1/admin/audit/verify", Api.adminToken()).json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(line);
            assertThat(broken.get("reason").asText()).contains("content");
        } finally {
            try (Connection superuser = connect(true); Statement sql = superuser.createStatement()) {
                sql.execute("SET session_replication_role = replica");
                sql.executeUpdate("UPDATE audit_log SET actor = " + (actor == null ? "NULL" : "'" + actor + "'") + " WHERE id = " + line);
            }
        }
        assertThat(Api.get("/api/v1/admin/audit/verify", Api.adminToken()).json().get("intact").asBoolean()).isTrue();
    }

    private static Connection connect(boolean superuser) throws Exception {
        return Api.database(superuser);
    }
}
