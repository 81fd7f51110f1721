package io.conversa.interfaces.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Reads WhatsApp chat exports in two streaming passes over the same bytes: {@link #detect} decides
 * the export's format from the whole file (layout, date order), or {@link #firstLook} from its first lines,
 * and {@link #parse} then yields its messages and, at its end, the format the whole file decides. Both keep
 * memory constant whatever the file size. Thread-safe; each pass has its own state.
 *
 * <p>A file that is not UTF-8 is refused by the second pass, at its first bad line: that pass decodes the
 * lines' text, which checks their bytes anyway (those it keeps as bytes for a while it checks as bytes), where
 * a check of every byte in the first pass as well cost some 12 % of both passes' CPU. An import that meets the
 * refusal removes what it had written, as for any refusal.
 */
public final class ExportParser {

    /** The date order assumed when neither the file nor the import request decides it. */
    public static final DateOrder DEFAULT_ORDER = DateOrder.DAY_MONTH_YEAR;

    /** The start of a file that tells UTF-16 text: a header's worth of characters. */
    private static final int UTF16_PROBE_BYTES = 64;
    /** Fewer characters than a WhatsApp header has are no evidence of UTF-16. */
    private static final int UTF16_MIN_PAIRS = 8;
    /** Header lines of one layout, with their order decided, after which {@link #firstLook} trusts them. */
    static final int CLEAR_AFTER_HEADERS = 1_000;

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
     * Reads the whole export and decides its format, as {@link #firstLook} does, from every line. Does not close
     * {@code in}. Bytes that are not UTF-8 are read as U+FFFD here; {@link #parse} refuses them.
     *
     * @throws UnreadableExportException when the file is empty, UTF-16 text, or no WhatsApp chat
     */
    public ExportFormat detect(InputStream in) throws IOException, UnreadableExportException {
        return look(in, false);
    }

    /**
     * Pass 1 of an import: reads until the format is clear, {@value #CLEAR_AFTER_HEADERS} header lines of one
     * layout with a date that decides their order (or, without one, to the end), and decides it. The parse counts
     * every line's vote, and {@link MessageStream#formatOfWholeFile} then tells whether the whole file decides the
     * same: reading the whole file here as well took some 15 % of both passes' CPU over the benchmark export (the
     * parse's counting costs next to nothing, as it matches every line's header anyway). Does not close {@code in}.
     *
     * @throws UnreadableExportException when the file is empty, UTF-16 text, or no WhatsApp chat
     */
    public ExportFormat firstLook(InputStream in) throws IOException, UnreadableExportException {
        return look(in, true);
    }

    private ExportFormat look(InputStream in, boolean untilClear) throws IOException, UnreadableExportException {
        BufferedInputStream bytes = new BufferedInputStream(in);
        rejectUtf16(bytes);
        LineReader lines = new LineReader(bytes, false);
        HeaderMatcher header = new HeaderMatcher();
        FormatVotes votes = new FormatVotes();
        boolean anyText = false;
        long headerLine = 1;
        long sinceHeader = 0;
        try {
            while (lines.next()) {
                HeaderLayout layout = header.match(lines);
                if (layout != null) {
                    DateOrderVote vote = votes.add(layout, header, lines.lineNumber());
                    if (untilClear && vote.headers() >= CLEAR_AFTER_HEADERS && vote.decidedOrder() != null) {
                        break;
                    }
                    headerLine = lines.lineNumber();
                    sinceHeader = 0;
                } else if ((sinceHeader += lines.end() - lines.start() + 1) > MoreLines.MAX_BYTES) {
                    throw new UnreadableExportException(MoreLines.tooLong(headerLine));
                }
                anyText = anyText || !lines.textWithoutMarks().isBlank();
            }
        } catch (LineReader.LineTooLongException e) {
            throw new UnreadableExportException(e.getMessage(), e);
        }
        if (!anyText) {
            throw new UnreadableExportException("The file is empty.");
        }
        return votes.decide(requestedOrder);
    }

    /**
     * Pass 2: streams the messages of an export whose format {@link #detect} decided. The stream
     * owns {@code in} and closes it. A line that is not well-formed UTF-8 ends it with an
     * {@link java.io.UncheckedIOException} whose cause is a {@link RefusedContentException} naming the line.
     */
    public MessageStream parse(InputStream in, ExportFormat format) {
        LineReader lines = new LineReader(in, true);
        return new MessageStream(lines, Objects.requireNonNull(format, "format"),
                new MessageAssembler(new WallClock(zone)), requestedOrder);
    }

    /**
     * UTF-16 text would only fail later as "not UTF-8": its byte-order mark, or else the zero byte that its
     * ASCII characters (a header's digits and punctuation) carry beside them, lets us say what it is.
     */
    private static void rejectUtf16(BufferedInputStream bytes) throws IOException, UnreadableExportException {
        bytes.mark(UTF16_PROBE_BYTES);
        byte[] start = bytes.readNBytes(UTF16_PROBE_BYTES);
        bytes.reset();
        boolean byteOrderMark = start.length >= 2 && ((start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF
                || (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE);
        if (byteOrderMark || mostlyZeroOnOneSide(start)) {
            throw new UnreadableExportException("The file is UTF-16 text; WhatsApp exports are UTF-8. "
                    + "Export the chat again from WhatsApp, or save the file as UTF-8.");
        }
    }

    /**
     * Whether at least half the even bytes, or half the odd ones, are zero, and none of the others: UTF-8 text
     * holds no zero bytes, while a header's ASCII characters are some 20 of the first 32 characters.
     */
    private static boolean mostlyZeroOnOneSide(byte[] start) {
        int pairs = start.length / 2;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            evenZeros += start[i] == 0 ? 1 : 0;
            oddZeros += start[i + 1] == 0 ? 1 : 0;
        }
        return pairs >= UTF16_MIN_PAIRS && (evenZeros * 2 >= pairs && oddZeros == 0
                || oddZeros * 2 >= pairs && evenZeros == 0);
    }
}
