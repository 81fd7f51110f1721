package io.conversa.infrastructure.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * One batch of an import's messages, with the ids the importer took for them from the sequence (in
 * increasing order, so the rows keep the export's order) and their authors' participant ids (null for
 * system messages), waiting for a {@link BatchWriter}.
 */
record QueuedBatch(long[] ids, Long[] participants, List<MessageRow> rows) {

    /** The batch without the rows at the indexes {@code dropped} marks. */
    QueuedBatch without(boolean[] dropped) {
        List<MessageRow> kept = new ArrayList<>(rows.size());
        long[] keptIds = new long[rows.size()];
        Long[] keptParticipants = new Long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (!dropped[i]) {
                keptIds[kept.size()] = ids[i];
                keptParticipants[kept.size()] = participants[i];
                kept.add(rows.get(i));
            }
        }
        return new QueuedBatch(keptIds, keptParticipants, kept);
    }
}
