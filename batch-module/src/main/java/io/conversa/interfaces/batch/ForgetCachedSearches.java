package io.conversa.interfaces.batch;

import io.conversa.application.MessageIndexing;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Last step of a reindex: drops cached search answers, now that every chunk is in the index. */
@Named
@Dependent
public class ForgetCachedSearches extends AbstractBatchlet {

    @Inject
    MessageIndexing indexing;

    @Override
    public String process() {
        indexing.forgetCachedAnswers();
        return "COMPLETED";
    }
}
