package io.conversa.interfaces.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a UTF-8 export line by line (LF, CRLF or CR; a missing final newline is fine) and counts lines
 * for warnings. Lines are capped in length, so input without line breaks (binary data, a corrupt file)
 * cannot fill the memory.
 *
 * <p>A line stays as bytes in the reader's buffer until someone asks for its text: the header scan reads
 * the bytes themselves, and only the text a message keeps is ever decoded, once. Line ends are found for
 * all the bytes of a read at once, eight bytes at a time (CR and LF never occur inside another
 * character's UTF-8 encoding, so the raw bytes tell them), and queued: a search per line is a loop of a
 * few steps that the JIT compiles poorly, a search per buffer one long loop. Decoding ({@link Utf8Decoder})
 * gives what {@code new String(bytes, UTF_8)} gives without direction marks, replacing bad bytes by U+FFFD,
 * and tells whether it dropped a mark; a strict reader instead refuses a line that is not well-formed UTF-8,
 * by the same rules as the JDK's decoder, when its text is decoded or its bytes {@linkplain #checkWellFormed
 * checked}: the decoding checks the bytes anyway, so a reader that decodes a line checks it for nothing.
 */
final class LineReader implements Closeable {

    /** Far above WhatsApp's 65,536-character message limit: no line of a real export comes close. */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** A UTF-16 character takes at most 3 UTF-8 bytes: a line with more bytes is too long whatever it holds. */
    private static final int MAX_LINE_BYTES = 3 * MAX_LINE_CHARS;
    private static final int BUFFER_BYTES = 1 << 16;

    private static final long LF_BYTES = ByteWords.repeated((byte) '\n');
    private static final long CR_BYTES = ByteWords.repeated((byte) '\r');
    /** Above both line end bytes (LF is 10, CR 13). */
    private static final int LINE_END_BOUND = '\r' + 1;

    /** A line longer than {@link #MAX_LINE_CHARS}: the input is no chat export. */
    static final class LineTooLongException extends RefusedContentException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(long lineNumber) {
            super("The file is not a WhatsApp chat export: its line " + lineNumber + " is longer than " + MAX_LINE_CHARS
                    + " characters, far beyond any WhatsApp message.");
        }
    }

    private final InputStream in;
    private final boolean strict;
    private final Utf8Decoder decoder = new Utf8Decoder();
    private byte[] buffer = new byte[BUFFER_BYTES];
    /** Where the next line starts. */
    private int position;
    private int limit;
    private boolean afterCarriageReturn;
    private long lineNumber;

    /** The offsets of the CRs and LFs found in the buffer and not yet reached, from {@link #taken} to {@link #found}. */
    private int[] terminators = new int[BUFFER_BYTES];
    private int found;
    private int taken;

    private int lineStart;
    private int lineEnd;
    /** Whether a decoding of the current line's bytes dropped a direction mark. */
    private boolean droppedMark;

    /** @param strict true to refuse bytes that are no UTF-8 ({@link #notUtf8}), false to replace them by U+FFFD */
    LineReader(InputStream in, boolean strict) {
        this.in = in;
        this.strict = strict;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if ((position < limit || fill()) && buffer[position] == '\n') {
                // The LF of a CRLF ends no line of its own.
                position++;
                taken++;
            }
        }
        while (taken == found) {
            if (!fill()) {
                return position < limit && lineEndsAt(limit);
            }
        }
        return lineEndsAt(terminators[taken++]);
    }

    private boolean lineEndsAt(int end) throws IOException {
        lineStart = position;
        lineEnd = end;
        droppedMark = false;
        if (end < limit) {
            afterCarriageReturn = buffer[end] == '\r';
            position = end + 1;
        } else {
            position = end;
        }
        if (lineEnd - lineStart > MAX_LINE_CHARS
                && new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8).length() > MAX_LINE_CHARS) {
            throw new LineTooLongException(lineNumber + 1);
        }
        lineNumber++;
        return true;
    }

    /**
     * Keeps the unfinished line at the buffer's start and reads more bytes after it, growing the buffer
     * for a long line, then finds the line ends in the new bytes. Called only when every line end found
     * before has been reached. False at the end of the input.
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
            terminators = new int[larger.length];
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
        findTerminators(pending);
        return true;
    }

    /** Queues the CRs and LFs of {@code buffer[from, limit)}. */
    private void findTerminators(int from) {
        int count = 0;
        int at = from;
        for (; at + Long.BYTES <= limit; at += Long.BYTES) {
            long word = ByteWords.word(buffer, at);
            // Most words hold no control character, which one test tells; only the others are searched.
            if (ByteWords.anyBelow(word, LINE_END_BOUND)) {
                for (long ends = ByteWords.bytesEqual(word, LF_BYTES) | ByteWords.bytesEqual(word, CR_BYTES); ends != 0;
                        ends &= ends - 1) {
                    terminators[count++] = at + ByteWords.firstMarked(ends);
                }
            }
        }
        for (; at < limit; at++) {
            if (buffer[at] == '\n' || buffer[at] == '\r') {
                terminators[count++] = at;
            }
        }
        found = count;
        taken = 0;
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

    /** Why a file is refused whose line {@code lineNumber} is the first that is not UTF-8. */
    static RefusedContentException notUtf8(long lineNumber) {
        return new RefusedContentException("The file is not UTF-8 text (bad bytes on line " + lineNumber
                + "); WhatsApp exports are UTF-8, so this is no chat export.");
    }

    /** For a strict reader, refuses the current line if it is not well-formed UTF-8: for lines that are not decoded. */
    void checkWellFormed() throws RefusedContentException {
        if (strict && !Utf8.wellFormed(buffer, lineStart, lineEnd)) {
            throw notUtf8(lineNumber);
        }
    }

    /** The current line without direction marks (and so without the byte-order mark of the first line). */
    String textWithoutMarks() throws RefusedContentException {
        return textWithoutMarksFrom(0);
    }

    /**
     * The current line from byte {@code offset} on, without direction marks, when the bytes before
     * {@code offset} are ASCII: a character starts there, so decoding from there gives the same text.
     */
    String textWithoutMarksFrom(int offset) throws RefusedContentException {
        String text = decoder.decodeWithoutMarks(buffer, lineStart + offset, lineEnd - lineStart - offset);
        if (strict && decoder.metBadBytes()) {
            throw notUtf8(lineNumber);
        }
        droppedMark |= decoder.droppedMark();
        return text;
    }

    /**
     * Whether the current line's bytes hold {@code sequence}, which must contain a direction mark. Asked once
     * the line's text has been decoded through this reader: a line from which no mark was dropped holds none
     * (its callers decode all of a line's bytes that are not ASCII, or know them to hold no mark).
     */
    boolean holdsMarked(byte[] sequence) {
        if (!droppedMark) {
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

    /** The 1-based number of the line last read. */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
