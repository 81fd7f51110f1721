package io.conversa.interfaces.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads WhatsApp chat exports in two streaming passes over the same bytes: {@link #detect} decides
 * the export's format from the whole file (layout, date order), {@link #parse} then yields its
 * messages. Both keep memory constant whatever the file size. Thread-safe; each pass has its own state.
 */
public final class ExportParser {

    /** The date order assumed when neither the file nor the import request decides it. */
    public static final DateOrder DEFAULT_ORDER = DateOrder.DAY_MONTH_YEAR;

    private static final int BOM_PROBE_BYTES = 2;

    private final ZoneId zone;
    private final DateOrder requestedOrder;

    /**
     * @param zone           the conversation's time zone, for turning wall times into instants
     * @param preferredOrder null to let the file decide its date order, else the order to read it in
     */
    public ExportParser(ZoneId zone, DateOrder preferredOrder) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.requestedOrder = preferredOrder;
    }

    /**
     * Pass 1: reads the whole export and decides its format. Does not close {@code in}.
     *
     * @throws UnreadableExportException when the file is empty, not UTF-8 text, or no WhatsApp chat
     */
    public ExportFormat detect(InputStream in) throws IOException, UnreadableExportException {
        BufferedInputStream bytes = new BufferedInputStream(in);
        rejectUtf16(bytes);
        LineReader lines = new LineReader(bytes, true);
        HeaderMatcher header = new HeaderMatcher();
        Map<HeaderLayout, DateOrderVote> votes = new EnumMap<>(HeaderLayout.class);
        boolean anyText = false;
        long headerLine = 1;
        long sinceHeader = 0;
        try {
            while (lines.next()) {
                HeaderLayout layout = header.match(lines);
                if (layout != null) {
                    votes.computeIfAbsent(layout, l -> new DateOrderVote()).add(header, lines.lineNumber());
                    headerLine = lines.lineNumber();
                    sinceHeader = 0;
                } else if ((sinceHeader += lines.end() - lines.start() + 1) > MoreLines.MAX_BYTES) {
                    throw new UnreadableExportException(MoreLines.tooLong(headerLine));
                }
                anyText = anyText || !lines.textWithoutMarks().isBlank();
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableExportException("The file is not UTF-8 text (bad bytes after line "
                    + lines.lineNumber() + "); WhatsApp exports are UTF-8, so this is no chat export.", e);
        } catch (LineReader.LineTooLongException e) {
            throw new UnreadableExportException(e.getMessage(), e);
        }
        if (!anyText) {
            throw new UnreadableExportException("The file is empty.");
        }
        Map.Entry<HeaderLayout, DateOrderVote> mostUsed = votes.entrySet().stream()
                .max((a, b) -> Long.compare(a.getValue().headers(), b.getValue().headers()))
                .orElseThrow(() -> new UnreadableExportException("No line of the file starts like a WhatsApp "
                        + "message (such as \"18/03/2022, 14:56 - Name: text\" or \"[18/03/2022, 14:56:01] Name: "
                        + "text\"), so it is not a WhatsApp chat export."));
        return mostUsed.getValue().decide(mostUsed.getKey(), requestedOrder);
    }

    /**
     * Pass 2: streams the messages of an export whose format {@link #detect} decided. The stream
     * owns {@code in} and closes it; undecodable bytes are replaced, never fatal.
     */
    public MessageStream parse(InputStream in, ExportFormat format) {
        LineReader lines = new LineReader(in, false);
        return new MessageStream(lines, Objects.requireNonNull(format, "format"),
                new MessageAssembler(new WallClock(zone)));
    }

    /** UTF-16 text would only fail later as "not UTF-8"; its byte-order mark lets us say what it is. */
    private static void rejectUtf16(BufferedInputStream bytes) throws IOException, UnreadableExportException {
        bytes.mark(BOM_PROBE_BYTES);
        int first = bytes.read();
        int second = bytes.read();
        bytes.reset();
        if ((first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE)) {
            throw new UnreadableExportException("The file is UTF-16 text; WhatsApp exports are UTF-8. "
                    + "Export the chat again from WhatsApp, or save the file as UTF-8.");
        }
    }
}
