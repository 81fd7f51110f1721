package io.conversa.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The header of an MPEG audio layer III frame (ISO 11172-3, 13818-3 and the unofficial MPEG 2.5): bit rate,
 * sample rate and samples per frame, and the frame count that encoders of variable bit rate files write into the
 * first frame (Xing/Info, or Fraunhofer's VBRI).
 */
record Mp3Frame(boolean mpeg1, boolean mono, int kilobitsPerSecond, int sampleRate) {

    private static final int[] MPEG1_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] MPEG1_RATES = {44_100, 48_000, 32_000};

    /** The frame whose header starts at {@code at}, or null when no valid layer III header does. */
    static Mp3Frame at(byte[] bytes, int at) {
        int b1 = bytes[at + 1] & 0xFF;
        int b2 = bytes[at + 2] & 0xFF;
        int version = b1 >> 3 & 3;      // 3: MPEG 1, 2: MPEG 2, 0: MPEG 2.5, 1: reserved
        int layer = b1 >> 1 & 3;        // 1: layer III
        int bitrate = b2 >> 4;          // 0: free format, 15: invalid
        int rate = b2 >> 2 & 3;         // 3: reserved
        if ((bytes[at] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0 || version == 1 || layer != 1 || bitrate == 0
                || bitrate == 15 || rate == 3) {
            return null;
        }
        boolean mpeg1 = version == 3;
        int divisor = mpeg1 ? 1 : version == 2 ? 2 : 4;
        return new Mp3Frame(mpeg1, (bytes[at + 3] & 0xFF) >> 6 == 3, (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[bitrate],
                MPEG1_RATES[rate] / divisor);
    }

    int samples() {
        return mpeg1 ? 1152 : 576;
    }

    /** The file's frame count from this frame's Xing/Info or VBRI header at {@code at}; null when it has none. */
    Long frameCount(byte[] bytes, int at) {
        int xing = at + 4 + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        String tag = new String(bytes, xing, 4, StandardCharsets.ISO_8859_1);
        if ((tag.equals("Xing") || tag.equals("Info")) && (ByteBuffer.wrap(bytes, xing + 4, 4).getInt() & 1) != 0) {
            return Integer.toUnsignedLong(ByteBuffer.wrap(bytes, xing + 8, 4).getInt());
        }
        int vbri = at + 4 + 32;
        if (new String(bytes, vbri, 4, StandardCharsets.ISO_8859_1).equals("VBRI")) {
            return Integer.toUnsignedLong(ByteBuffer.wrap(bytes, vbri + 14, 4).getInt());
        }
        return null;
    }
}
