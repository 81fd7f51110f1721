package io.conversa.infrastructure.persistence;

import java.util.List;

/**
 * One batch of an import's messages, with the ids the importer took for them from the sequence (in
 * increasing order, so the rows keep the export's order) and their authors' participant ids (null for
 * system messages), waiting for a {@link BatchWriter}.
 */
record QueuedBatch(long[] ids, Long[] participants, List<MessageRow> rows) {
}
