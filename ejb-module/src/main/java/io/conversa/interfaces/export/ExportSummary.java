package io.conversa.interfaces.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What an export holds, learned by reading it without importing it: the answer of
 * {@code bin/conversa inspect} and of the inspect endpoint.
 *
 * @param chatEntry      the zip entry holding the chat text; null for a plain text export
 * @param platform       the app that wrote the export
 * @param layout         the header shape of its messages
 * @param dateOrder      the order of day, month and year in its dates
 * @param orderSource    whether the file decided the order, or it was requested or assumed
 * @param orderReason    the evidence for the order, in words
 * @param timeZone       the zone the wall times were read in, for {@link Moment#sentAt()}
 * @param messages       all messages, system messages included
 * @param systemMessages the messages WhatsApp wrote itself
 * @param authors        messages per author, most active first (system messages are nobody's)
 * @param kinds          messages per kind, every kind listed
 * @param first          the first message of the file; null when it has none
 * @param last           the last message of the file; null when it has none
 * @param media          the files the messages name, and for zips which of them the archive holds
 * @param warnings       what looked wrong, at most {@link ExportTally#MAX_LISTED_WARNINGS}
 * @param warningCount   how many warnings there were in all, listed or not
 */
public record ExportSummary(String chatEntry, Platform platform, HeaderLayout layout, DateOrder dateOrder,
        OrderSource orderSource, String orderReason, String timeZone, long messages, long systemMessages,
        Map<String, Long> authors, Map<MessageKind, Long> kinds, Moment first, Moment last, Media media,
        List<Warning> warnings, long warningCount) {

    /** When a message was sent, and where the file says so. */
    public record Moment(long line, LocalDateTime localTime, Instant sentAt) {
    }

    /**
     * @param referenced the attachment names the messages mention, each once, in order of first mention
     * @param found      those the archive holds; null for a plain text export, which holds no files
     * @param missing    those the archive lacks; null for a plain text export
     */
    public record Media(List<String> referenced, List<String> found, List<String> missing) {
    }

    /** Something that looked wrong; {@code line} is null when it is about the whole file. */
    public record Warning(Long line, String message) {
    }
}
