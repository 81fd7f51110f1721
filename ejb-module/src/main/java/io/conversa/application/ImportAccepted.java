package io.conversa.application;

import java.util.UUID;

/** The answer to an accepted import: the job to follow and the conversation it fills. */
public record ImportAccepted(UUID jobId, UUID conversationId) {
}
