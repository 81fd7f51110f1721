package io.conversa.application;

import java.time.ZoneId;
import java.util.UUID;

/** What the ingestion needs to know about one queued import. */
public record ImportTask(UUID jobId, UUID conversationId, ZoneId zone, String sourceObject, String sourceName,
        boolean merged) {
}
