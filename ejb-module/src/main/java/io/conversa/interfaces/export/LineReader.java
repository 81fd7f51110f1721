package io.conversa.interfaces.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a UTF-8 export line by line (LF, CRLF or CR; a missing final newline is fine) and counts lines
 * for warnings. Lines are capped in length, so input without line breaks (binary data, a corrupt file)
 * cannot fill the memory.
 *
 * <p>A line stays as bytes in the reader's buffer until someone asks for its text: the header scan reads
 * the bytes themselves, and only the text a message keeps is ever decoded, once. Line ends are found
 * eight bytes at a time (CR and LF never occur inside another character's UTF-8 encoding, so the raw
 * bytes tell them), which also tells whether a line is pure ASCII, as most of a header is. Decoding is
 * {@code new String(bytes, UTF_8)}, the JDK's fastest path, and replaces bad bytes by U+FFFD; a strict
 * reader instead refuses a line that is not well-formed UTF-8, by the same rules as the JDK's decoder.
 */
final class LineReader implements Closeable {

    /** Far above WhatsApp's 65,536-character message limit: no line of a real export comes close. */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** A UTF-16 character takes at most 3 UTF-8 bytes: a line with more bytes is too long whatever it holds. */
    private static final int MAX_LINE_BYTES = 3 * MAX_LINE_CHARS;
    private static final int BUFFER_BYTES = 1 << 16;

    private static final long LF_BYTES = ByteWords.repeated((byte) '\n');
    private static final long CR_BYTES = ByteWords.repeated((byte) '\r');

    /** A line longer than {@link #MAX_LINE_CHARS}: the input is no chat export. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(long lineNumber) {
            super("line " + lineNumber + " is longer than " + MAX_LINE_CHARS + " characters");
        }
    }

    private final InputStream in;
    private final boolean strict;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean afterCarriageReturn;
    private long lineNumber;

    private int lineStart;
    private int lineEnd;
    /** Whether the line holds direction marks: 0 not known yet, 1 no, 2 yes. */
    private byte marks;
    private String text;

    /** @param strict true to refuse bytes that are no UTF-8 ({@link MalformedInputException}), false to replace them */
    LineReader(InputStream in, boolean strict) {
        this.in = in;
        this.strict = strict;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if ((position < limit || fill()) && buffer[position] == '\n') {
                position++;
            }
        }
        long highBits = 0;
        long markLeads = 0;
        int end = position;
        while (true) {
            while (end + Long.BYTES <= limit) {
                long word = ByteWords.word(buffer, end);
                long terminators = ByteWords.bytesEqual(word, LF_BYTES) | ByteWords.bytesEqual(word, CR_BYTES);
                if (terminators != 0) {
                    int before = ByteWords.firstMarked(terminators);
                    long lineBytes = ByteWords.firstBytes(word, before);
                    return lineEndsAt(end + before, highBits | lineBytes, markLeads | DirectionMarks.leadBytes(lineBytes));
                }
                highBits |= word;
                if (!strict) {
                    // Only the second pass keeps texts, whose marks it must know; the first rarely decodes a line.
                    markLeads |= DirectionMarks.leadBytes(word);
                }
                end += Long.BYTES;
            }
            while (end < limit) {
                byte b = buffer[end];
                if (b == '\n' || b == '\r') {
                    return lineEndsAt(end, highBits, markLeads);
                }
                highBits |= b;
                markLeads |= DirectionMarks.leadBytes(b & 0xFF);
                end++;
            }
            int scanned = end - position;
            if (!fill()) {
                return position < limit && lineEndsAt(limit, highBits, markLeads);
            }
            end = position + scanned;
        }
    }

    /**
     * @param highBits  the line's bytes or'ed together, to tell whether any is not ASCII
     * @param markLeads not zero when a byte of the line may start a direction mark; not kept by a strict reader
     */
    private boolean lineEndsAt(int end, long highBits, long markLeads) throws IOException {
        lineStart = position;
        lineEnd = end;
        boolean ascii = ByteWords.ascii(highBits);
        marks = ascii || !strict && markLeads == 0 ? (byte) 1 : 0;
        if (text != null) {
            // Most lines are never decoded: tested first, the field needs no store (and no GC barrier).
            text = null;
        }
        if (end < limit) {
            afterCarriageReturn = buffer[end] == '\r';
            position = end + 1;
        } else {
            position = end;
        }
        if (strict && !ascii && !Utf8.wellFormed(buffer, lineStart, lineEnd)) {
            throw new MalformedInputException(1);
        }
        if (lineEnd - lineStart > MAX_LINE_CHARS && text().length() > MAX_LINE_CHARS) {
            throw new LineTooLongException(lineNumber + 1);
        }
        lineNumber++;
        return true;
    }

    /**
     * Keeps the unfinished line at the buffer's start and reads more bytes after it, growing the buffer
     * for a long line. False at the end of the input.
     */
    private boolean fill() throws IOException {
        int pending = limit - position;
        if (pending > MAX_LINE_BYTES) {
            throw new LineTooLongException(lineNumber + 1);
        }
        if (pending == buffer.length) {
            byte[] larger = new byte[buffer.length * 2];
            System.arraycopy(buffer, position, larger, 0, pending);
            buffer = larger;
        } else if (pending > 0) {
            System.arraycopy(buffer, position, buffer, 0, pending);
        }
        position = 0;
        limit = pending;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read <= 0) {
            return false;
        }
        limit += read;
        return true;
    }

    /** The buffer holding the current line's bytes, from {@link #start()} to {@link #end()}; valid until {@link #next()}. */
    byte[] bytes() {
        return buffer;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }

    /** The current line as written, direction marks included. */
    String text() {
        if (text == null) {
            text = new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
        }
        return text;
    }

    /** The current line without direction marks (and so without the byte-order mark of the first line). */
    String textWithoutMarks() {
        return mayHoldMarks() ? DirectionMarks.strip(text()) : text();
    }

    /**
     * The current line from byte {@code offset} on, without direction marks, when the bytes before
     * {@code offset} are ASCII: a character starts there, so decoding from there gives the same text.
     */
    String textWithoutMarksFrom(int offset) {
        String rest = new String(buffer, lineStart + offset, lineEnd - lineStart - offset, StandardCharsets.UTF_8);
        return mayHoldMarks() ? DirectionMarks.strip(rest) : rest;
    }

    /** Whether the current line's bytes hold {@code sequence}, which must contain a direction mark. */
    boolean holdsMarked(byte[] sequence) {
        if (!mayHoldMarks()) {
            return false;
        }
        int last = lineEnd - sequence.length;
        for (int i = lineStart; i <= last; i++) {
            if (buffer[i] == sequence[0] && Arrays.equals(buffer, i, i + sequence.length, sequence, 0,
                    sequence.length)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the current line may hold a direction mark: it holds the UTF-8 encoding of one. */
    boolean mayHoldMarks() {
        if (marks == 0) {
            marks = DirectionMarks.encodedIn(buffer, lineStart, lineEnd) ? (byte) 2 : 1;
        }
        return marks == 2;
    }

    /** The 1-based number of the line last read. */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
