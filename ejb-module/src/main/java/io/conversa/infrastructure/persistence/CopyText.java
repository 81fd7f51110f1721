package io.conversa.infrastructure.persistence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A batch of messages in the text format of PostgreSQL's {@code COPY ... FROM STDIN}: one line per row,
 * columns separated by tabs, {@code \N} for null, and backslash, tab, newline and carriage return in
 * values written as backslash escapes. The columns are those of {@link #COLUMNS}, in that order.
 */
final class CopyText {

    static final String COLUMNS = "id, conversation_id, participant_id, sequence_no, sent_at, local_time, kind, body,"
            + " attachment_name, edited, metadata, import_job_id, fingerprint";

    private static final char SEPARATOR = '\t';
    private static final String NULL = "\\N";

    private CopyText() {
    }

    static byte[] of(QueuedBatch batch, UUID conversationId, UUID jobId) {
        List<MessageRow> rows = batch.rows();
        // About 70 bytes a message in a typical chat; the builder grows for longer ones.
        StringBuilder text = new StringBuilder(rows.size() * 96);
        String conversation = conversationId.toString();
        String job = jobId.toString();
        for (int i = 0; i < rows.size(); i++) {
            MessageRow row = rows.get(i);
            text.append(batch.ids()[i]).append(SEPARATOR).append(conversation).append(SEPARATOR);
            Long participant = batch.participants()[i];
            text.append(participant == null ? NULL : participant.toString()).append(SEPARATOR);
            text.append(row.sequence()).append(SEPARATOR);
            // ISO-8601 with its Z and the T between date and time: PostgreSQL's input accepts both.
            text.append(row.sentAt()).append(SEPARATOR);
            text.append(row.localTime() == null ? NULL : row.localTime().toString()).append(SEPARATOR);
            text.append(row.kind()).append(SEPARATOR);
            value(text, row.body());
            value(text, row.attachmentName());
            text.append(row.edited() ? 't' : 'f').append(SEPARATOR);
            value(text, row.metadataJson());
            text.append(job).append(SEPARATOR);
            text.append(row.fingerprint()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder text, String value) {
        if (value == null) {
            text.append(NULL);
        } else if (plain(value)) {
            text.append(value);
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
        text.append(SEPARATOR);
    }

    /** Holds nothing to escape: most messages, appended at once. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
