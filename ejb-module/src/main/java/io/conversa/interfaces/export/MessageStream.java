package io.conversa.interfaces.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The messages of an export, read lazily line by line: only the message being assembled is in
 * memory. A line is a new message only if it has the file's header layout and a date valid in its
 * date order; any other line (date-like or not) continues the current message. Lines before the first
 * header are skipped and counted. Closing the stream closes the underlying input. Read errors surface
 * as {@link UncheckedIOException}. Every header line, of whatever layout, is counted as {@link ExportParser#detect}
 * counts it, so that once the stream is exhausted {@link #formatOfWholeFile} tells the format the whole file decides.
 */
public final class MessageStream implements Iterator<ParsedMessage>, AutoCloseable {

    private final LineReader lines;
    private final ExportFormat format;
    private final MessageAssembler assembler;
    private final HeaderMatcher header = new HeaderMatcher();
    private final MoreLines moreLines = new MoreLines();
    private final AuthorSplit authorSplit = new AuthorSplit();
    private final FormatVotes votes = new FormatVotes();
    private final DateOrder requestedOrder;

    // The header line read ahead: it ended the previous message and starts the next one.
    private boolean pending;
    private boolean pendingMarkedByWhatsApp;
    /** The author when the header line's bytes told it, else null and the text is all that follows the header. */
    private String pendingAuthor;
    private String pendingText;
    private LocalDateTime pendingTime;
    private long pendingLineNumber;

    private ParsedMessage next;
    private boolean exhausted;
    private int sequence;
    private long skippedLines;

    MessageStream(LineReader lines, ExportFormat format, MessageAssembler assembler, DateOrder requestedOrder) {
        this.lines = lines;
        this.format = format;
        this.assembler = assembler;
        this.requestedOrder = requestedOrder;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !exhausted) {
            next = readMessage();
        }
        return next != null;
    }

    @Override
    public ParsedMessage next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more messages in the export");
        }
        ParsedMessage message = next;
        next = null;
        return message;
    }

    /** Lines before the first message header, which belong to no message. */
    public long skippedLines() {
        return skippedLines;
    }

    /**
     * The format the whole file decides, as {@link ExportParser#detect} decides it; once the stream is exhausted.
     * A stream read in another layout or order than this one was read wrongly (its first look was misled).
     *
     * @throws UnreadableExportException when the file's dates contradict the order the import asked for
     */
    public ExportFormat formatOfWholeFile() throws UnreadableExportException {
        if (!exhausted) {
            throw new IllegalStateException("the stream is not read to its end");
        }
        return votes.decide(requestedOrder);
    }

    /** Lines read so far. */
    public long linesRead() {
        return lines.lineNumber();
    }

    private ParsedMessage readMessage() {
        try {
            if (!pending && !skipToFirstHeader()) {
                exhausted = true;
                return null;
            }
            boolean markedByWhatsApp = pendingMarkedByWhatsApp;
            String author = pendingAuthor;
            String text = pendingText;
            LocalDateTime time = pendingTime;
            long lineNumber = pendingLineNumber;
            pending = false;
            moreLines.clear();
            while (!pending && lines.next()) {
                if (!readHeader() && !moreLines.add(lines)) {
                    throw new RefusedContentException(MoreLines.tooLong(lineNumber));
                }
            }
            exhausted = !pending;
            return author != null
                    ? assembler.assemble(sequence++, lineNumber, time, markedByWhatsApp, author, text, moreLines.text())
                    : assembler.assemble(sequence++, lineNumber, time, markedByWhatsApp, text, moreLines.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean skipToFirstHeader() throws IOException {
        while (lines.next()) {
            if (readHeader()) {
                return true;
            }
            lines.checkWellFormed();
            skippedLines++;
        }
        return false;
    }

    /** If the current line is a header of this file, keeps it as the pending header and returns true. */
    private boolean readHeader() throws RefusedContentException {
        HeaderLayout layout = header.match(lines);
        if (layout == null) {
            return false;
        }
        votes.add(layout, header, lines.lineNumber());
        if (layout != format.layout()) {
            return false;
        }
        LocalDateTime time = header.localTime(format.dateOrder());
        if (time == null) {
            return false;
        }
        pending = true;
        if (header.readAsBytes() && authorSplit.split(lines, header.bodyStart())) {
            pendingAuthor = authorSplit.author();
            pendingText = authorSplit.text();
        } else {
            pendingAuthor = null;
            pendingText = header.body(lines);
        }
        // Asked once the line's text has been decoded, which tells whether the line holds any mark at all.
        pendingMarkedByWhatsApp = lines.holdsMarked(MessageAssembler.IOS_SYSTEM_MARK);
        pendingTime = time;
        pendingLineNumber = lines.lineNumber();
        return true;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
