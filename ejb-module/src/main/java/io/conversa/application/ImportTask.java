package io.conversa.application;

import io.conversa.interfaces.export.DateOrder;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What the ingestion needs to know about one queued import; {@code dateOrder} null lets the file decide.
 * {@code interruptedRuns}: how many earlier runs of this job started and never finished. The server
 * stopped in the middle of each, and the messaging engine delivers the job's message again at the next
 * start (the delivery is acknowledged only once the import has ended). What those runs wrote must go
 * before the job runs again.
 */
public record ImportTask(UUID jobId, UUID conversationId, ZoneId zone, DateOrder dateOrder, String sourceObject,
        String sourceName, boolean merged, int interruptedRuns) {

    /** Whether a stop of the server cut an earlier run short. */
    public boolean interrupted() {
        return interruptedRuns > 0;
    }
}
