package io.conversa.interfaces.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a UTF-8 export line by line (LF, CRLF or CR; a missing final newline is fine), dropping the
 * byte-order mark that some exports start with, and counts lines for warnings. Lines are capped in
 * length, so input without line breaks (binary data, a corrupt file) cannot fill the memory.
 *
 * <p>Lines are found in the raw bytes and each is decoded on its own by {@code new String(bytes,
 * UTF_8)}, the JDK's fastest decoding path: a stream decoder would copy every character once more. This
 * is safe because in UTF-8 the bytes of CR and LF never occur inside another character's encoding.
 * While looking for the line's end the reader also notes whether the line may hold direction marks
 * (they all start with one of four two-byte prefixes), so that the many lines without any need no second pass.
 */
final class LineReader implements Closeable {

    /** Far above WhatsApp's 65,536-character message limit: no line of a real export comes close. */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** A UTF-16 character takes at most 3 UTF-8 bytes: a line with more bytes is too long whatever it holds. */
    private static final int MAX_LINE_BYTES = 3 * MAX_LINE_CHARS;
    private static final int BUFFER_BYTES = 1 << 16;

    private static final byte PLAIN = 0;
    private static final byte TERMINATOR = 1;
    private static final byte MARK_LEAD = 2;
    /** What each byte value means to the line scan: one table look-up per byte instead of five comparisons. */
    private static final byte[] BYTE_CLASS = new byte[256];

    static {
        BYTE_CLASS['\n'] = TERMINATOR;
        BYTE_CLASS['\r'] = TERMINATOR;
        // Lead bytes of the marks DirectionMarks removes: U+061C (D8 9C), U+200E..U+2069 (E2 80 .. or E2 81 ..)
        // and U+FEFF (EF BB BF).
        BYTE_CLASS[0xD8] = MARK_LEAD;
        BYTE_CLASS[0xE2] = MARK_LEAD;
        BYTE_CLASS[0xEF] = MARK_LEAD;
    }

    /** A line longer than {@link #MAX_LINE_CHARS}: the input is no chat export. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(long lineNumber) {
            super("line " + lineNumber + " is longer than " + MAX_LINE_CHARS + " characters");
        }
    }

    private final InputStream in;
    /** Reports bad bytes when set; when null they are replaced by U+FFFD. */
    private final CharsetDecoder strictDecoder;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean afterCarriageReturn;
    private long lineNumber;
    private String lastLine;
    private boolean lastLineMayBeMarked;

    /** @param onBadBytes {@link CodingErrorAction#REPORT} to fail on bytes that are no UTF-8, else they are replaced */
    LineReader(InputStream in, CodingErrorAction onBadBytes) {
        this.in = in;
        this.strictDecoder = onBadBytes == CodingErrorAction.REPORT ? StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT) : null;
    }

    /** The next line without its terminator, or null at the end. */
    String readLine() throws IOException {
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if ((position < limit || fill()) && buffer[position] == '\n') {
                position++;
            }
        }
        boolean mayBeMarked = false;
        int end = position;
        while (true) {
            while (end < limit) {
                byte b = buffer[end];
                if (b > '\r') {
                    // ASCII above CR, most bytes of an export: neither a line end nor the start of a mark.
                    end++;
                    continue;
                }
                byte kind = BYTE_CLASS[b & 0xFF];
                if (kind == TERMINATOR) {
                    String text = decode(position, end);
                    afterCarriageReturn = buffer[end] == '\r';
                    position = end + 1;
                    return line(text, mayBeMarked);
                }
                if (kind == MARK_LEAD && !mayBeMarked) {
                    mayBeMarked = end + 1 == limit || isMarkSecondByte(buffer[end], buffer[end + 1]);
                }
                end++;
            }
            int scanned = end - position;
            if (!fill()) {
                if (position == limit) {
                    return null;
                }
                String text = decode(position, limit);
                position = limit;
                return line(text, mayBeMarked);
            }
            end = position + scanned;
        }
    }

    /**
     * Whether a mark lead byte is followed by a mark's second byte. Needed because the same lead bytes
     * start common characters too: E2 for "’", "…" and "❤", EF for the emoji variation selector.
     */
    private static boolean isMarkSecondByte(byte lead, byte next) {
        return switch (lead) {
            case (byte) 0xD8 -> next == (byte) 0x9C;
            case (byte) 0xE2 -> next == (byte) 0x80 || next == (byte) 0x81;
            default -> next == (byte) 0xBB;
        };
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

    private String decode(int start, int end) throws IOException {
        String text = new String(buffer, start, end - start, StandardCharsets.UTF_8);
        // Decoding replaced any bad bytes by U+FFFD; only then is it worth telling them from a real U+FFFD.
        if (strictDecoder != null && text.indexOf('\uFFFD') >= 0) {
            strictDecoder.reset().decode(ByteBuffer.wrap(buffer, start, end - start));
        }
        if (text.length() > MAX_LINE_CHARS) {
            throw new LineTooLongException(lineNumber + 1);
        }
        return text;
    }

    private String line(String text, boolean mayBeMarked) {
        lineNumber++;
        lastLine = lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        lastLineMayBeMarked = mayBeMarked;
        return lastLine;
    }

    /** The line last read without direction marks: the same string when it has none. */
    String lastLineWithoutMarks() {
        return lastLineMayBeMarked ? DirectionMarks.strip(lastLine) : lastLine;
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
