package io.conversa.application;

import io.conversa.domain.model.conversation.Message;
import io.conversa.infrastructure.cache.SearchCache;
import io.conversa.infrastructure.index.BulkIndexing;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
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
import java.util.logging.Logger;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Puts messages into the search index. The importer and the webhook consumer write messages with
 * plain SQL, which Hibernate Search never sees, so they call this once their rows are committed.
 * A conversation is indexed in batches, each in a transaction of its own, so a 1.5 M-message
 * import never holds all its entities at once; the batches are handed to the index writer without a
 * commit each ({@link BulkIndexing}), the index is committed and refreshed once at the end, and the
 * cached search results are dropped afterwards.
 */
@Stateless
public class MessageIndexing {

    private static final Logger LOG = Logger.getLogger(MessageIndexing.class.getName());
    private static final int BATCH = 2000;
    /** Batches between two progress updates on the import's job: about every 20,000 messages. */
    private static final int PROGRESS_EVERY = 10;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext self;

    @Inject
    SearchCache cache;

    @Inject
    JobProgress progress;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    IndexBacklog backlog;

    /** Indexes (or re-indexes) every message of the conversation; returns how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long indexConversation(UUID conversationId) {
        return indexFrom(conversationId, 0, null);
    }

    /**
     * Indexes the messages an import wrote (a merge into a long conversation indexes only what it
     * added): the conversation is read from this import's first message on, and only this import's
     * messages are indexed, with the count shown on the job as it goes. Returns how many.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long indexImport(UUID conversationId, UUID jobId) {
        Long first = em.createQuery("SELECT MIN(m.id) FROM Message m WHERE m.importJobId = :j", Long.class)
                .setParameter("j", jobId).getSingleResult();
        return first == null ? 0 : indexFrom(conversationId, first - 1, jobId);
    }

    /** The conversation's messages after id {@code after} in batches; only {@code onlyJob}'s unless null. */
    private long indexFrom(UUID conversationId, long after, UUID onlyJob) {
        long started = System.nanoTime();
        MessageIndexing tx = self.getBusinessObject(MessageIndexing.class);
        BulkIndexing bulk = new BulkIndexing();
        long count = 0;
        IndexedBatch batch;
        int batches = 0;
        do {
            batch = tx.indexBatch(conversationId, after, onlyJob, bulk);
            count += batch.indexed();
            after = batch.last();
            if (onlyJob != null && ++batches % PROGRESS_EVERY == 0) {
                progress.indexed(onlyJob, (int) count);
            }
        } while (batch.read() == BATCH);
        finish(bulk, true);
        if (onlyJob != null) {
            progress.indexed(onlyJob, (int) count);
        }
        long total = count;
        LOG.info(() -> String.format("Indexed %d messages of conversation %s in %d ms", total, conversationId,
                (System.nanoTime() - started) / 1_000_000));
        return count;
    }

    /** What one batch read: how many messages, the last one's id, how many it indexed. */
    public record IndexedBatch(int read, long last, int indexed) {
    }

    /**
     * Indexes the next batch of the conversation's messages after id {@code after}, all of them or only
     * {@code onlyJob}'s. Read-only entities: nothing to snapshot or dirty-check at commit.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public IndexedBatch indexBatch(UUID conversationId, long after, UUID onlyJob, BulkIndexing bulk) {
        List<Message> messages = em.createQuery(
                        "SELECT m FROM Message m WHERE m.conversationId = :c AND m.id > :after ORDER BY m.id", Message.class)
                .setParameter("c", conversationId).setParameter("after", after).setMaxResults(BATCH)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        SearchSession search = Search.session(em);
        search.indexingPlanSynchronizationStrategy(bulk);
        int indexed = 0;
        for (Message m : messages) {
            if (onlyJob == null || onlyJob.equals(m.importJobId())) {
                search.indexingPlan().addOrUpdate(m);
                indexed++;
            }
        }
        return new IndexedBatch(messages.size(), messages.isEmpty() ? after : messages.get(messages.size() - 1).id(), indexed);
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
