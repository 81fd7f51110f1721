package io.conversa.application;

import io.conversa.interfaces.export.DateOrder;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What the ingestion needs to know about one queued import; {@code dateOrder} null lets the file decide.
 * {@code interrupted}: an earlier run of this job started and never finished: the server stopped in the
 * middle, and the messaging engine delivers the job's message again at the next start (the delivery
 * is acknowledged only once the import has ended). What that run wrote must go before the job runs again.
 */
public record ImportTask(UUID jobId, UUID conversationId, ZoneId zone, DateOrder dateOrder, String sourceObject,
        String sourceName, boolean merged, boolean interrupted) {
}
