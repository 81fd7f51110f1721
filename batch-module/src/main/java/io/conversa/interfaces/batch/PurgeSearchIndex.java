package io.conversa.interfaces.batch;

import io.conversa.application.MessageIndexing;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** First step of a reindex: empties the search index so messages removed since are not found any more. */
@Named
@Dependent
public class PurgeSearchIndex extends AbstractBatchlet {

    @Inject
    MessageIndexing indexing;

    @Override
    public String process() {
        indexing.purge();
        return "COMPLETED";
    }
}
