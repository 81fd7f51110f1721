package io.conversa.application;

import io.conversa.domain.model.conversation.Conversation;
import io.conversa.domain.model.job.ImportCounts;
import io.conversa.domain.model.job.Job;
import io.conversa.interfaces.export.DateOrder;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * Records a running import's state, each change in its own transaction so callers see progress
 * while the import goes on.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobProgress {

    @PersistenceContext
    EntityManager em;

    /** Marks the job running; null when it already finished (a redelivered message). */
    public ImportTask start(UUID jobId) {
        Job job = em.find(Job.class, jobId);
        if (job == null || job.isFinished()) {
            return null;
        }
        // Every run that started before this one ended without a result: a stop of the server cut it short.
        int interruptedRuns = job.runs();
        job.start();
        Conversation conversation = em.find(Conversation.class, job.conversationId());
        DateOrder order = job.dateOrder() == null ? null : DateOrder.valueOf(job.dateOrder());
        return new ImportTask(jobId, conversation.id(), conversation.zone(), order, job.sourceObject(), job.sourceName(),
                job.merged(), interruptedRuns);
    }

    /** {@code bytes} of the upload are read; of the messages in committed batches, {@code added} were new. */
    public void progress(UUID jobId, long bytes, int messages, int added) {
        em.find(Job.class, jobId).progress(bytes, messages, added);
    }

    public void media(UUID jobId, long bytes, int stored) {
        em.find(Job.class, jobId).mediaProgress(bytes, stored);
    }

    public void indexed(UUID jobId, int messages) {
        em.find(Job.class, jobId).indexed(messages);
    }

    /** The job succeeded; the conversation shows everything it now holds. */
    public void succeed(UUID jobId, ImportCounts counts) {
        Job job = em.find(Job.class, jobId);
        job.succeed(counts);
        Object[] totals = em.createQuery("SELECT COUNT(m), MIN(m.sentAt), MAX(m.sentAt) FROM Message m"
                + " WHERE m.conversationId = :c", Object[].class).setParameter("c", job.conversationId()).getSingleResult();
        em.find(Conversation.class, job.conversationId())
                .ready(((Long) totals[0]).intValue(), (Instant) totals[1], (Instant) totals[2]);
    }

    /** The job failed; a first import's conversation fails with it, a merged one stays as it was. */
    public void fail(UUID jobId, String reason) {
        Job job = em.find(Job.class, jobId);
        job.fail(reason);
        if (!job.merged()) {
            em.find(Conversation.class, job.conversationId()).failed();
        }
    }
}
