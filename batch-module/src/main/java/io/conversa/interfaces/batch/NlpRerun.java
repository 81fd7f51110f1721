package io.conversa.interfaces.batch;

import io.conversa.application.ConversationEnrichment;
import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Re-enriches one conversation or every ready one, one conversation at a time, counting each done
 * conversation and its messages into its nlp_rerun row so that admins can follow it. Stopping the
 * execution stops after the conversation under way.
 */
@Named
@Dependent
public class NlpRerun extends AbstractBatchlet {

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String conversationId;

    @Inject
    ConversationEnrichment enrichment;

    private volatile boolean stopping;

    @Override
    public String process() throws Exception {
        UUID only = conversationId == null || conversationId.isBlank() ? null : UUID.fromString(conversationId);
        List<UUID> conversations = conversations(only);
        update("INSERT INTO nlp_rerun (execution_id, conversation_id, conversations_total) VALUES (?, ?, ?)"
                + " ON CONFLICT (execution_id) DO UPDATE SET conversations_total = EXCLUDED.conversations_total",
                job.getExecutionId(), only, conversations.size());
        for (UUID c : conversations) {
            if (stopping) {
                return "STOPPED";
            }
            int messages = enrichment.enrich(c, true);
            update("UPDATE nlp_rerun SET conversations_done = conversations_done + 1, messages_done = messages_done + ?"
                    + " WHERE execution_id = ?", messages, job.getExecutionId());
        }
        update("UPDATE nlp_rerun SET finished_at = now() WHERE execution_id = ?", job.getExecutionId());
        return "COMPLETED";
    }

    @Override
    public void stop() {
        stopping = true;
    }

    private List<UUID> conversations(UUID only) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM conversation WHERE status = 'READY'"
                        + (only == null ? "" : " AND id = ?") + " ORDER BY created_at")) {
            if (only != null) {
                s.setObject(1, only);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add((UUID) r.getObject(1));
                }
            }
        }
        return out;
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
