package io.conversa.infrastructure.index;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.engine.backend.work.execution.OperationSubmitter;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.impl.HibernateOrmSearchSession;
import org.hibernate.search.mapper.orm.session.impl.HibernateOrmSearchSessionMappingContext;
import org.hibernate.search.mapper.pojo.model.spi.PojoRawTypeIdentifier;
import org.hibernate.search.mapper.pojo.work.spi.PojoIndexer;

/**
 * Adds entities that cannot be in the index yet (an import's messages, written a moment ago) as plain
 * additions. The ORM indexing plan only offers "add or update", for which Lucene buffers a delete of
 * each document's id and applies it to every segment: for an import of 1.5 M messages that was about
 * a fifth of the index writer's CPU. Hibernate Search's mass indexer adds its documents this way, through
 * the same service-provider interface ({@link PojoIndexer}); reaching it takes two of Hibernate
 * Search's internal classes, so an upgrade of Hibernate Search must check this class again (the
 * import and search integration tests fail if it breaks).
 */
final class NewDocuments {

    private NewDocuments() {
    }

    /** Hands the entities to the index writer at once; the future completes when it holds them all. */
    static CompletableFuture<?> add(EntityManager em, List<?> entities) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        var mapping = (HibernateOrmSearchSessionMappingContext) Search.mapping(session.getSessionFactory());
        PojoIndexer indexer = HibernateOrmSearchSession.get(mapping, session).createIndexer();
        CompletableFuture<?>[] added = new CompletableFuture<?>[entities.size()];
        for (int i = 0; i < added.length; i++) {
            Object entity = entities.get(i);
            added[i] = indexer.add(PojoRawTypeIdentifier.of(entity.getClass()), null, null, entity,
                    DocumentCommitStrategy.NONE, DocumentRefreshStrategy.NONE, OperationSubmitter.blocking());
        }
        return CompletableFuture.allOf(added);
    }
}
