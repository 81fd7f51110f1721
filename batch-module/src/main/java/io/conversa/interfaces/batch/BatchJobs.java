package io.conversa.interfaces.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import java.util.List;
import jakarta.ejb.Stateless;
import java.util.Properties;
import java.util.Set;

/** Starts Conversa's batch jobs by name and reports on their executions. */
@Stateless
public class BatchJobs {

    /** The jobs callers may start; each has its XML under META-INF/batch-jobs. */
    public static final Set<String> KNOWN = Set.of("recount-messages", "search-reindex", "analytics");

    public long start(String jobName) {
        return operator().start(jobName, new Properties());
    }

    /** Starts the retention job for messages older than {@code days} days (at least 1). */
    public long startRetention(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("Retention needs at least 1 day");
        }
        Properties parameters = new Properties();
        parameters.setProperty("days", Integer.toString(days));
        return operator().start("retention", parameters);
    }

    public JobExecution execution(long executionId) {
        return operator().getJobExecution(executionId);
    }

    public List<StepExecution> steps(long executionId) {
        return operator().getStepExecutions(executionId);
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
