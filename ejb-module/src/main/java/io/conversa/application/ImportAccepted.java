package io.conversa.application;

import java.util.UUID;

/**
 * The answer to an accepted import: the job to follow and the conversation it fills; {@code merged}
 * when that conversation was imported before and only new messages will be added.
 */
public record ImportAccepted(UUID jobId, UUID conversationId, boolean merged) {
}
