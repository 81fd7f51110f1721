package io.conversa.interfaces.batch;

import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Recomputes each conversation's and participant's message counts from the messages themselves,
 * repairing counts that drifted (for example after messages were removed).
 */
@Named
@Dependent
public class RecountMessages extends AbstractBatchlet {

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    @Override
    public String process() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE conversation c SET message_count ="
                    + " (SELECT COUNT(*) FROM message m WHERE m.conversation_id = c.id)");
            sql.executeUpdate("UPDATE participant p SET message_count ="
                    + " (SELECT COUNT(*) FROM message m WHERE m.participant_id = p.id)");
        }
        return "COMPLETED";
    }
}
