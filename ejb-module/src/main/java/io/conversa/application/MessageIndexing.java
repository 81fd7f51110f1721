package io.conversa.application;

import io.conversa.domain.model.conversation.Message;
import io.conversa.infrastructure.cache.SearchCache;
import io.conversa.infrastructure.index.BulkIndexing;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Puts messages into the search index. The importer and the webhook consumer write messages with
 * plain SQL, which Hibernate Search never sees, so they call this once their rows are committed.
 * An import is indexed batch by batch as it commits them ({@link ImportIndexer}), from the entities
 * the importer built, so a 1.5 M-message import never holds all its entities at once; the batches are handed to
 * the index writer without a commit each ({@link BulkIndexing}), the index is committed and refreshed
 * once at the end, and the cached search results are dropped afterwards.
 */
@Stateless
public class MessageIndexing {

    static final int BATCH = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchCache cache;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    IndexBacklog backlog;

    /** What one batch of an abandoned import read: how many messages, the last one's id, how many of them it purged. */
    public record PurgedBatch(int read, long last, int purged) {
    }

    /**
     * Adds a batch an import has just committed to the index, as the importer built the entities (no
     * row is read back). They were written a moment ago, so the index cannot hold them: plain additions.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void indexNew(List<Message> messages, BulkIndexing bulk) {
        bulk.addNew(em, messages);
    }

    /** The lowest id of the import's messages, null when it wrote none. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Long firstImported(UUID conversationId, UUID jobId) {
        return em.createQuery("SELECT MIN(m.id) FROM Message m WHERE m.conversationId = :c AND m.importJobId = :j", Long.class)
                .setParameter("c", conversationId).setParameter("j", jobId).getSingleResult();
    }

    /**
     * Removes the next batch of an abandoned import's messages from the index, before its rows are
     * deleted: what {@link #indexNew} had indexed of it before the import failed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PurgedBatch forgetImported(UUID conversationId, UUID jobId, long after) {
        List<Message> messages = nextMessages(conversationId, after);
        List<Long> ids = messages.stream().filter(m -> jobId.equals(m.importJobId())).map(Message::id).toList();
        forget(ids);
        return new PurgedBatch(messages.size(), lastId(messages, after), ids.size());
    }

    private List<Message> nextMessages(UUID conversationId, long after) {
        return em.createQuery("SELECT m FROM Message m WHERE m.conversationId = :c AND m.id > :after ORDER BY m.id",
                        Message.class)
                .setParameter("c", conversationId).setParameter("after", after).setMaxResults(BATCH)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    private static long lastId(List<Message> messages, long after) {
        return messages.isEmpty() ? after : messages.get(messages.size() - 1).id();
    }

    /**
     * Re-indexes messages whose rows changed by SQL (NLP results), in a transaction of its own, as
     * part of the bulk write {@code bulk}; {@link #finish} ends it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reindex(List<Long> ids, BulkIndexing bulk) {
        if (!ids.isEmpty()) {
            Search.session(em).indexingPlanSynchronizationStrategy(bulk);
            indexIds(ids);
        }
    }

    /**
     * Ends a bulk write: waits until the index writer holds its last batches, then drops the cached
     * answers, so a search afterwards sees every message of it. With {@code commit} (an import, whose
     * job then says SUCCEEDED) the index is also committed to disk and its readers refreshed at once;
     * without (NLP results, after every webhook message too) the backend's periodic commit keeps it,
     * so a webhook burst does not pay one index commit per message.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void finish(BulkIndexing bulk, boolean commit) {
        bulk.awaitAll();
        if (commit) {
            var workspace = Search.session(em).workspace(Message.class);
            workspace.flush();
            workspace.refresh();
        }
        cache.invalidate();
    }

    /** Loads the messages and indexes them when the current transaction (a batch chunk's) commits. */
    public void indexIds(List<Long> ids) {
        if (!ids.isEmpty()) {
            index(em.createQuery("SELECT m FROM Message m WHERE m.id IN :ids", Message.class)
                    .setParameter("ids", ids).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList());
        }
    }

    /**
     * Removes deleted messages from the index when the current transaction commits (they were deleted
     * by SQL), and then drops the cached answers, which may quote them.
     */
    public void forget(List<Long> ids) {
        SearchSession search = Search.session(em);
        ids.forEach(id -> search.indexingPlan().purge(Message.class, id, null));
        afterCommit(cache::invalidate);
    }

    /** Empties the index, before a full rebuild. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void purge() {
        Search.session(em).workspace(Message.class).purge();
        cache.invalidate();
    }

    /** Adds the messages to the index when the current transaction commits. */
    public void index(List<Message> messages) {
        SearchSession search = Search.session(em);
        messages.forEach(m -> search.indexingPlan().addOrUpdate(m));
    }

    /**
     * One message just stored (webhook): indexed once the caller's transaction has committed, with
     * the others waiting then ({@link IndexBacklog}), and only then are cached answers dropped.
     * Dropping them inside the caller's transaction would let a search between the drop and the
     * index write cache the old answer again for 15 minutes.
     */
    public void indexAfterCommit(long messageId) {
        afterCommit(() -> backlog.add(messageId));
    }

    private void afterCommit(Runnable task) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    task.run();
                }
            }
        });
    }

    /** Indexes the messages that still exist in a transaction of its own; returns once the index holds them. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void indexNow(List<Long> messageIds) {
        indexIds(messageIds);
    }

    /** Drops every cached search answer (after a reindex, once its last chunk committed). */
    public void forgetCachedAnswers() {
        cache.invalidate();
    }
}
