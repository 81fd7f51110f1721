package io.conversa.interfaces.batch;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

/** Starts NLP reruns (the nlp-rerun batch job) and reports their progress. */
@Stateless
public class NlpReruns {

    /** A rerun's state: the batch status and how far it got (totals are 0 until the job has listed its conversations). */
    public record Progress(long executionId, String status, UUID conversationId, int conversationsTotal, int conversationsDone,
            long messagesDone, Date startedAt, Date endedAt) {
    }

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    /** Starts a rerun of one conversation, or of every conversation when {@code conversation} is null. */
    public long start(UUID conversation) {
        Properties parameters = new Properties();
        if (conversation != null) {
            parameters.setProperty("conversationId", conversation.toString());
        }
        return BatchRuntime.getJobOperator().start("nlp-rerun", parameters);
    }

    /** The rerun's progress; throws NoSuchJobExecutionException for an unknown id, null for another job's execution. */
    public Progress progress(long executionId) throws SQLException {
        JobExecution e = BatchRuntime.getJobOperator().getJobExecution(executionId);
        if (!"nlp-rerun".equals(e.getJobName())) {
            return null;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT conversation_id,"
                + " conversations_total, conversations_done, messages_done FROM nlp_rerun WHERE execution_id = ?")) {
            s.setLong(1, executionId);
            try (ResultSet r = s.executeQuery()) {
                boolean row = r.next();
                String asked = e.getJobParameters() == null ? null : e.getJobParameters().getProperty("conversationId");
                return new Progress(executionId, e.getBatchStatus().name(), asked == null ? null : UUID.fromString(asked),
                        row ? r.getInt(2) : 0, row ? r.getInt(3) : 0, row ? r.getLong(4) : 0, e.getStartTime(), e.getEndTime());
            }
        }
    }
}
