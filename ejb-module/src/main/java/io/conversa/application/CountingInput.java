package io.conversa.application;

import io.conversa.interfaces.export.LimitedInput;
import java.io.InputStream;

/**
 * Counts bytes as they pass, to report sizes and progress without buffering a stream, and stops an
 * upload that runs past its limit with {@link UploadTooLargeException}.
 */
final class CountingInput extends LimitedInput {

    CountingInput(InputStream in) {
        this(in, Long.MAX_VALUE);
    }

    CountingInput(InputStream in, long limit) {
        super(in, limit);
    }

    @Override
    protected void passedLimit() {
        throw new UploadTooLargeException(limit());
    }
}
