package io.conversa.infrastructure.persistence;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
        // About 200 characters a message of a typical chat (two UUIDs, two times, the text); the builder
        // grows for longer ones.
        StringBuilder text = new StringBuilder(rows.size() * 224);
        String conversation = conversationId.toString();
        String job = jobId.toString();
        for (int i = 0; i < rows.size(); i++) {
            row(text, batch.ids()[i], batch.participants()[i], rows.get(i), conversation, job);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder text, long id, Long participant, MessageRow row, String conversation, String job) {
        text.append(id).append(SEPARATOR).append(conversation).append(SEPARATOR);
        text.append(participant == null ? NULL : participant.toString()).append(SEPARATOR);
        text.append(row.sequence()).append(SEPARATOR);
        dateTime(text, LocalDateTime.ofEpochSecond(row.sentAt().getEpochSecond(), row.sentAt().getNano(), ZoneOffset.UTC));
        text.append("+00").append(SEPARATOR);
        if (row.localTime() == null) {
            text.append(NULL);
        } else {
            dateTime(text, row.localTime());
        }
        text.append(SEPARATOR);
        text.append(row.kind()).append(SEPARATOR);
        value(text, row.body());
        value(text, row.attachmentName());
        text.append(row.edited() ? 't' : 'f').append(SEPARATOR);
        value(text, row.metadataJson());
        text.append(job).append(SEPARATOR);
        text.append(row.fingerprint()).append('\n');
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss[.nnnnnnnnn]}, digit by digit: the ISO formatters of java.time cost an
     * import more than the rest of this class, and C2 seconds to compile them into it.
     */
    private static void dateTime(StringBuilder text, LocalDateTime time) {
        if (time.getYear() < 1000 || time.getYear() > 9999) {
            text.append(time); // ISO-8601, which PostgreSQL reads too; no chat is that old or young
            return;
        }
        text.append(time.getYear()).append('-');
        twoDigits(text, time.getMonthValue()).append('-');
        twoDigits(text, time.getDayOfMonth()).append(' ');
        twoDigits(text, time.getHour()).append(':');
        twoDigits(text, time.getMinute()).append(':');
        twoDigits(text, time.getSecond());
        if (time.getNano() != 0) {
            String nanos = Integer.toString(time.getNano());
            text.append('.').append("000000000", nanos.length(), 9).append(nanos);
        }
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
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
