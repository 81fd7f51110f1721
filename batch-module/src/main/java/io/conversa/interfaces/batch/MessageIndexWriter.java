package io.conversa.interfaces.batch;

import io.conversa.application.MessageIndexing;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Indexes one chunk of messages; the index is written when the chunk's transaction commits. */
@Named
@Dependent
public class MessageIndexWriter extends AbstractItemWriter {

    @Inject
    MessageIndexing indexing;

    @Override
    public void writeItems(List<Object> ids) {
        indexing.indexIds(ids.stream().map(Long.class::cast).toList());
    }
}
