package io.conversa.interfaces.batch;

import io.conversa.application.AuditTrail;
import io.conversa.application.MessageRetention;
import io.conversa.application.MessageRetention.Leftovers;
import io.conversa.application.MessageRetention.Swept;
import io.conversa.infrastructure.storage.ObjectStorage;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The retention job's one step: deletes the messages older than {@code days} days chunk by chunk,
 * their stored media files once each chunk committed, then the conversations left empty (and the
 * uploaded exports of the conversations it touched), then the sends, webhook events, media without a
 * message and finished imports from before the cutoff, and writes one audit line saying how much went.
 */
@Named
@Dependent
public class RetentionSweep extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class.getName());

    @Inject
    @BatchProperty
    String days;

    @Inject
    MessageRetention retention;

    @Inject
    ObjectStorage storage;

    @Inject
    AuditTrail audit;

    @Inject
    JobContext job;

    private volatile boolean stopping;

    @Override
    public String process() {
        int keep = Integer.parseInt(days);
        if (keep < 1) {
            throw new IllegalArgumentException("Retention needs at least 1 day, not " + keep);
        }
        Instant cutoff = Instant.now().minus(Duration.ofDays(keep));
        Set<UUID> touched = new LinkedHashSet<>();
        long messages = 0;
        long files = 0;
        for (Swept chunk; !stopping && (chunk = retention.sweepChunk(cutoff)).messages() > 0; ) {
            messages += chunk.messages();
            touched.addAll(chunk.conversations());
            files += deleteFiles(chunk.objectKeys());
        }
        Swept emptied = retention.dropEmptied(List.copyOf(touched));
        files += deleteFiles(emptied.objectKeys());
        long sends = 0;
        for (int chunk; !stopping && (chunk = retention.sweepOutboundChunk(cutoff)) > 0; ) {
            sends += chunk;
        }
        Leftovers rest = retention.sweepLeftovers(cutoff);
        files += deleteFiles(rest.objectKeys());
        String outcome = "deleted " + messages + " messages, " + files + " stored files, " + emptied.conversations().size()
                + " empty conversations, " + sends + " sends, " + rest.events() + " events, " + rest.imports() + " imports";
        // The audit outcome column is short: the counts of files and conversations are in the exit status.
        audit.record("retention", "batch", "retention", "messages older than " + keep + " days", "deleted " + messages + " messages", null);
        LOG.info(() -> "Retention of " + keep + " days (execution " + job.getExecutionId() + "): " + outcome);
        job.setExitStatus(outcome); // shown by GET /api/v1/admin/batch/executions/{id}
        return outcome;
    }

    @Override
    public void stop() {
        stopping = true;
    }

    private long deleteFiles(List<String> keys) {
        keys.forEach(storage::delete);
        return keys.size();
    }
}
