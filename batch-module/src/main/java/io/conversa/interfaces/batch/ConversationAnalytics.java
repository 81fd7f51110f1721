package io.conversa.interfaces.batch;

import io.conversa.application.AnalyticsRefresh;
import io.conversa.infrastructure.cache.AnalyticsCache;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import java.util.logging.Logger;

/** One partition of the analytics job: recomputes one conversation, then drops its cached answers. */
@Named
@Dependent
public class ConversationAnalytics extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ConversationAnalytics.class.getName());

    @Inject
    @BatchProperty
    String conversation;

    @Inject
    AnalyticsRefresh refresh;

    @Inject
    AnalyticsCache cache;

    @Override
    public String process() throws Exception {
        if (conversation == null || conversation.isBlank()) {
            return "NOTHING_CHANGED";
        }
        long started = System.nanoTime();
        UUID id = UUID.fromString(conversation);
        refresh.recompute(id);
        cache.invalidate(id);
        LOG.info(() -> "Analytics of conversation " + id + " computed in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return "COMPUTED";
    }
}
