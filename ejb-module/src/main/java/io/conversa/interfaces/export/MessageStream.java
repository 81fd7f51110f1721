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
 * as {@link UncheckedIOException}.
 */
public final class MessageStream implements Iterator<ParsedMessage>, AutoCloseable {

    private final LineReader lines;
    private final ExportFormat format;
    private final MessageAssembler assembler;
    private final HeaderMatcher header = new HeaderMatcher();
    private final StringBuilder moreLines = new StringBuilder();

    // The header line read ahead: it ended the previous message and starts the next one.
    private String pendingRawLine;
    private String pendingAfterHeader;
    private LocalDateTime pendingTime;
    private long pendingLineNumber;

    private ParsedMessage next;
    private boolean exhausted;
    private int sequence;
    private long skippedLines;

    MessageStream(LineReader lines, ExportFormat format, MessageAssembler assembler) {
        this.lines = lines;
        this.format = format;
        this.assembler = assembler;
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

    /** Lines read so far. */
    public long linesRead() {
        return lines.lineNumber();
    }

    private ParsedMessage readMessage() {
        try {
            if (pendingRawLine == null && !skipToFirstHeader()) {
                exhausted = true;
                return null;
            }
            String rawFirstLine = pendingRawLine;
            String afterHeader = pendingAfterHeader;
            LocalDateTime time = pendingTime;
            long lineNumber = pendingLineNumber;
            pendingRawLine = null;
            moreLines.setLength(0);
            boolean continued = false;
            String raw;
            while ((raw = lines.readLine()) != null) {
                String clean = lines.lastLineWithoutMarks();
                if (readHeader(raw, clean)) {
                    break;
                }
                if (continued) {
                    moreLines.append('\n');
                }
                moreLines.append(clean);
                continued = true;
            }
            if (raw == null) {
                exhausted = true;
            }
            return assembler.assemble(sequence++, lineNumber, time, rawFirstLine, afterHeader, trimmedMoreLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean skipToFirstHeader() throws IOException {
        String raw;
        while ((raw = lines.readLine()) != null) {
            if (readHeader(raw, lines.lastLineWithoutMarks())) {
                return true;
            }
            skippedLines++;
        }
        return false;
    }

    /** If {@code clean} is a header of this file, keeps it as the pending header and returns true. */
    private boolean readHeader(String raw, String clean) {
        if (header.match(clean) != format.layout()) {
            return false;
        }
        LocalDateTime time = header.localTime(format.dateOrder());
        if (time == null) {
            return false;
        }
        pendingRawLine = raw;
        pendingAfterHeader = clean.substring(header.bodyStart());
        pendingTime = time;
        pendingLineNumber = lines.lineNumber();
        return true;
    }

    /** The further lines without the blank lines and spaces that exports leave at a message's end. */
    private String trimmedMoreLines() {
        int end = moreLines.length();
        while (end > 0 && Character.isWhitespace(moreLines.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? "" : moreLines.substring(0, end);
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
