package io.conversa.application;

import io.conversa.domain.model.conversation.Message;
import io.conversa.infrastructure.cache.SearchCache;
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
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Puts messages into the search index. The importer and the webhook consumer write messages with
 * plain SQL, which Hibernate Search never sees, so they call this once their rows are committed.
 * A conversation is indexed in batches, each in a transaction of its own, so a 1.5 M-message
 * import never holds all its entities at once; the cached search results are dropped afterwards.
 */
@Stateless
public class MessageIndexing {

    private static final Logger LOG = Logger.getLogger(MessageIndexing.class.getName());
    private static final int BATCH = 2000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext self;

    @Inject
    SearchCache cache;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    IndexBacklog backlog;

    /** Indexes (or re-indexes) every message of the conversation; returns how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long indexConversation(UUID conversationId) {
        long started = System.nanoTime();
        MessageIndexing tx = self.getBusinessObject(MessageIndexing.class);
        long after = 0;
        long count = 0;
        int done;
        do {
            List<Long> batch = tx.indexBatch(conversationId, after);
            done = batch.size();
            count += done;
            if (done > 0) {
                after = batch.get(done - 1);
            }
        } while (done == BATCH);
        cache.invalidate();
        long total = count;
        LOG.info(() -> String.format("Indexed %d messages of conversation %s in %d ms", total, conversationId,
                (System.nanoTime() - started) / 1_000_000));
        return count;
    }

    /** The next batch of the conversation's messages after id {@code after}; their ids, in order. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> indexBatch(UUID conversationId, long after) {
        List<Message> messages = em.createQuery(
                        "SELECT m FROM Message m WHERE m.conversationId = :c AND m.id > :after ORDER BY m.id", Message.class)
                .setParameter("c", conversationId).setParameter("after", after).setMaxResults(BATCH).getResultList();
        index(messages);
        return messages.stream().map(Message::id).toList();
    }

    /** Loads the messages and indexes them when the current transaction (a batch chunk's) commits. */
    public void indexIds(List<Long> ids) {
        if (!ids.isEmpty()) {
            index(em.createQuery("SELECT m FROM Message m WHERE m.id IN :ids", Message.class)
                    .setParameter("ids", ids).getResultList());
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
