package io.conversa.application;

import io.conversa.interfaces.export.DateOrder;
import java.time.ZoneId;
import java.util.UUID;

/** What the ingestion needs to know about one queued import; {@code dateOrder} null lets the file decide. */
public record ImportTask(UUID jobId, UUID conversationId, ZoneId zone, DateOrder dateOrder, String sourceObject,
        String sourceName, boolean merged) {
}
