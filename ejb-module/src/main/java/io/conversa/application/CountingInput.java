package io.conversa.application;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts bytes as they pass, to report sizes and progress without buffering a stream, and stops a
 * stream that runs past its limit.
 */
final class CountingInput extends FilterInputStream {

    private final long limit;
    private long count;

    CountingInput(InputStream in) {
        this(in, Long.MAX_VALUE);
    }

    CountingInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    /** Whether the stream ran past its limit (and threw {@link UploadTooLargeException} to whoever read it). */
    boolean overLimit() {
        return count > limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int bytes) {
        count += bytes;
        if (count > limit) {
            throw new UploadTooLargeException(limit);
        }
    }
}
