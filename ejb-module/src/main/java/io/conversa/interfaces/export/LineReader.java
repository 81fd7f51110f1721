package io.conversa.interfaces.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;

/**
 * Reads an export line by line (LF, CRLF or CR; a missing final newline is fine), dropping the
 * byte-order mark that some exports start with, and counts lines for warnings. Lines are capped in
 * length, so input without line breaks (binary data, a corrupt file) cannot fill the memory. While
 * looking for the line's end it also notes whether the line holds direction marks, so that the many
 * lines without any need no second pass to remove them.
 */
final class LineReader implements Closeable {

    /** Far above WhatsApp's 65,536-character message limit: no line of a real export comes close. */
    static final int MAX_LINE_CHARS = 1 << 20;
    private static final int BUFFER_CHARS = 1 << 16;

    /** A line longer than {@link #MAX_LINE_CHARS}: the input is no chat export. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(long lineNumber) {
            super("line " + lineNumber + " is longer than " + MAX_LINE_CHARS + " characters");
        }
    }

    private final Reader reader;
    private final char[] buffer = new char[BUFFER_CHARS];
    private final StringBuilder longLine = new StringBuilder();
    private int position;
    private int limit;
    private boolean afterCarriageReturn;
    private long lineNumber;
    private String lastLine;
    private boolean lastLineMarked;

    LineReader(InputStream in, CharsetDecoder decoder) {
        this.reader = new InputStreamReader(in, decoder);
    }

    /** The next line without its terminator, or null at the end. */
    String readLine() throws IOException {
        longLine.setLength(0);
        lastLineMarked = false;
        while (true) {
            if (position == limit && !fill()) {
                return longLine.length() == 0 ? null : line(longLine.toString());
            }
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int end = position;
            boolean marked = false;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                marked |= DirectionMarks.isMark(buffer[end]);
                end++;
            }
            lastLineMarked |= marked;
            if (end < limit) {
                String text = longLine.length() == 0 ? new String(buffer, position, end - position)
                        : longLine.append(buffer, position, end - position).toString();
                afterCarriageReturn = buffer[end] == '\r';
                position = end + 1;
                return line(text);
            }
            longLine.append(buffer, position, limit - position);
            position = limit;
            if (longLine.length() > MAX_LINE_CHARS) {
                throw new LineTooLongException(lineNumber + 1);
            }
        }
    }

    private boolean fill() throws IOException {
        int read = reader.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    private String line(String text) {
        lineNumber++;
        lastLine = lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        return lastLine;
    }

    /** The line last read without direction marks: the same string when it has none. */
    String lastLineWithoutMarks() {
        return lastLineMarked ? DirectionMarks.strip(lastLine) : lastLine;
    }

    /** The 1-based number of the line last read. */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
