package io.conversa.interfaces.export;

import io.conversa.interfaces.export.ExportSummary.Media;
import io.conversa.interfaces.export.ExportSummary.Moment;
import io.conversa.interfaces.export.ExportSummary.Warning;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts an export's messages as they stream past, for an {@link ExportSummary}. Memory grows with
 * the authors and attachment names only, never with the messages, and listed warnings are capped.
 */
final class ExportTally {

    /** Enough to show what is wrong; an export with one clock problem can have thousands of them. */
    static final int MAX_LISTED_WARNINGS = 100;

    private final ExportFormat format;
    private final Map<String, Long> authors = new HashMap<>();
    private final Map<MessageKind, Long> kinds = new EnumMap<>(MessageKind.class);
    private final Set<String> attachments = new LinkedHashSet<>();
    private final List<Warning> warnings = new ArrayList<>();
    private long warningCount;
    private long messages;
    private Moment first;
    private Moment last;

    ExportTally(ExportFormat format) {
        this.format = format;
        for (MessageKind kind : MessageKind.values()) {
            kinds.put(kind, 0L);
        }
        if (format.orderSource() == OrderSource.DEFAULT) {
            warn(null, "The date order is a guess: " + format.orderReason()
                    + ". Name the order if the dates read wrong.");
        }
    }

    /** Reads all of {@code stream}. */
    void count(MessageStream stream) {
        // Reading up to the first message is what counts the lines before it.
        stream.hasNext();
        if (stream.skippedLines() > 0) {
            warn(1L, "The first " + stream.skippedLines() + " line(s) come before the first message header; "
                    + "they belong to no message and were skipped.");
        }
        stream.forEachRemaining(this::add);
        long notMessages = format.headerLines() - messages;
        if (notMessages > 0) {
            warn(null, notMessages + " line(s) shaped like message headers have dates that cannot exist in "
                    + format.dateOrder() + " order; each was read as part of the message before it.");
        }
    }

    private void add(ParsedMessage message) {
        messages++;
        kinds.merge(message.kind(), 1L, Long::sum);
        if (message.author() != null) {
            authors.merge(message.author(), 1L, Long::sum);
        }
        if (message.attachmentName() != null) {
            attachments.add(message.attachmentName());
        }
        Moment moment = new Moment(message.lineNumber(), message.localTime(), message.sentAt());
        if (last != null && moment.localTime().isBefore(last.localTime())) {
            warn(moment.line(), "This message is dated " + moment.localTime() + ", before the message on line "
                    + last.line() + " (" + last.localTime() + ").");
        }
        if (first == null) {
            first = moment;
        }
        last = moment;
    }

    private void warn(Long line, String message) {
        if (warningCount++ < MAX_LISTED_WARNINGS) {
            warnings.add(new Warning(line, message));
        }
    }

    /**
     * @param chatEntry    the zip entry read, or null for a plain text export
     * @param archiveFiles the names of the files in the zip (without folders), or null for a plain text export
     */
    ExportSummary summary(String chatEntry, ZoneId zone, Set<String> archiveFiles) {
        return new ExportSummary(chatEntry, format.platform(), format.layout(), format.dateOrder(),
                format.orderSource(), format.orderReason(), zone.getId(), messages, kinds.get(MessageKind.SYSTEM),
                Collections.unmodifiableMap(authorsByActivity()), Collections.unmodifiableMap(new EnumMap<>(kinds)),
                first, last, media(archiveFiles), List.copyOf(warnings), warningCount);
    }

    private Map<String, Long> authorsByActivity() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        authors.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(author -> sorted.put(author.getKey(), author.getValue()));
        return sorted;
    }

    private Media media(Set<String> archiveFiles) {
        List<String> referenced = List.copyOf(attachments);
        if (archiveFiles == null) {
            return new Media(referenced, null, null);
        }
        return new Media(referenced, referenced.stream().filter(archiveFiles::contains).toList(),
                referenced.stream().filter(name -> !archiveFiles.contains(name)).toList());
    }
}
