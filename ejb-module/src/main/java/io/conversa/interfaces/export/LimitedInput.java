package io.conversa.interfaces.export;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes that pass, without buffering, and stops a stream that runs past its limit with what
 * {@link #passedLimit} throws: an upload past the server's limit, a zip entry past its stated size.
 */
public abstract class LimitedInput extends FilterInputStream {

    private final long limit;
    private long count;

    protected LimitedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Throws what reading past the limit means; called once the count passes it. */
    protected abstract void passedLimit() throws IOException;

    public long limit() {
        return limit;
    }

    public long count() {
        return count;
    }

    /** Whether the stream ran past its limit (and so threw to whoever read it). */
    public boolean overLimit() {
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

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long bytes) throws IOException {
        count += bytes;
        if (count > limit) {
            passedLimit();
        }
    }
}
