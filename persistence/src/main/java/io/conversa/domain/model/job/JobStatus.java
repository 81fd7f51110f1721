package io.conversa.domain.model.job;

/** Life of a background job; SUCCEEDED and FAILED are final. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
