package io.conversa.application;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The play length of WhatsApp's audio and video, read from container headers in one pass without
 * decoding: MP4/3GP/M4A from the movie header ({@code moov/mvhd}), Ogg Opus (voice notes) from the
 * last page's granule position, MP3 from its first frame (see {@link #mp3}). Null for other formats or
 * an unreadable file: the length is a nicety, never a reason to refuse a file.
 */
final class MediaDuration {

    private static final int OPUS_RATE = 48_000;
    /** An Ogg page is at most 65,307 bytes: the last one lies within this many bytes of the end. */
    private static final int OGG_TAIL = 65_536;
    /** Where an MP3's first frame is looked for (after its ID3v2 tag), and what of it is read: header and side data. */
    private static final int MP3_SEARCH_BYTES = 16_384;
    private static final int MP3_FIRST_FRAME_BYTES = 64;

    private MediaDuration() {
    }

    static Long millisOf(InputStream in, String mimeType) {
        try {
            if (mimeType.equals("video/mp4") || mimeType.equals("video/3gpp") || mimeType.equals("audio/mp4")
                    || mimeType.equals("video/quicktime")) {
                return mp4(new DataInputStream(in));
            }
            if (mimeType.equals("audio/ogg") || mimeType.equals("audio/opus") || mimeType.equals("audio/vorbis")) {
                return ogg(in);
            }
            if (mimeType.equals("audio/mpeg")) {
                return mp3(in);
            }
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Walks the top-level boxes, skipping media data, into {@code moov} and its {@code mvhd}. */
    private static Long mp4(DataInputStream in) throws IOException {
        while (true) {
            long size = Integer.toUnsignedLong(in.readInt());
            String type = type(in);
            long header = 8;
            if (size == 1) {
                size = in.readLong();
                header = 16;
            }
            if (type.equals("moov")) {
                continue; // its children follow: read them as boxes of the same walk
            }
            if (type.equals("mvhd")) {
                int version = in.readUnsignedByte();
                in.skipNBytes(3 + (version == 1 ? 16 : 8)); // flags, creation and modification times
                long timescale = Integer.toUnsignedLong(in.readInt());
                long duration = version == 1 ? in.readLong() : Integer.toUnsignedLong(in.readInt());
                return timescale == 0 ? null : duration * 1000 / timescale;
            }
            if (size < header) {
                return null; // a box running to the end of the file, and no movie header before it
            }
            in.skipNBytes(size - header);
        }
    }

    private static String type(DataInputStream in) throws IOException {
        byte[] type = new byte[4];
        in.readFully(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    /** The granule position of the last page, in 48 kHz samples for Opus, less the pre-skip of its header. */
    private static Long ogg(InputStream in) throws IOException {
        byte[] head = in.readNBytes(64);
        int opus = indexOf(head, "OpusHead".getBytes(StandardCharsets.US_ASCII), 0);
        if (opus < 0) {
            return null;
        }
        int preSkip = Short.toUnsignedInt(ByteBuffer.wrap(head, opus + 10, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        byte[] tail = tail(in, head);
        int last = -1;
        for (int at = indexOf(tail, "OggS".getBytes(StandardCharsets.US_ASCII), 0); at >= 0;
                at = indexOf(tail, "OggS".getBytes(StandardCharsets.US_ASCII), at + 1)) {
            if (at + 14 <= tail.length) {
                last = at;
            }
        }
        if (last < 0) {
            throw new EOFException("no Ogg page");
        }
        long granule = ByteBuffer.wrap(tail, last + 6, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return Math.max(0, granule - preSkip) * 1000 / OPUS_RATE;
    }

    /**
     * MPEG audio layer III: the frame count of a Xing/Info or VBRI header in the first frame (variable bit rate
     * files have one), else the bytes of audio at the first frame's bit rate (constant bit rate), as players
     * estimate it. A leading ID3v2 tag is skipped.
     */
    private static Long mp3(InputStream in) throws IOException {
        byte[] head = in.readNBytes(10);
        if (head.length == 10 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            // The tag's size: four 7-bit bytes, without its 10-byte header and optional 10-byte footer.
            long tag = 10 + ((head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F))
                    + ((head[5] & 0x10) != 0 ? 10 : 0);
            in.skipNBytes(tag - 10);
            head = new byte[0];
        }
        byte[] start = new byte[MP3_SEARCH_BYTES];
        System.arraycopy(head, 0, start, 0, head.length);
        int read = head.length + in.readNBytes(start, head.length, start.length - head.length);
        for (int at = 0; at + MP3_FIRST_FRAME_BYTES <= read; at++) {
            Mp3Frame frame = Mp3Frame.at(start, at);
            if (frame != null) {
                Long frames = frame.frameCount(start, at);
                if (frames != null) {
                    return frames * frame.samples() * 1000 / frame.sampleRate();
                }
                long audio = read - at + in.transferTo(OutputStream.nullOutputStream());
                return audio * 8 / frame.kilobitsPerSecond();
            }
        }
        return null;
    }

    /** The last {@link #OGG_TAIL} bytes of the stream (including {@code head} when the stream is short). */
    private static byte[] tail(InputStream in, byte[] head) throws IOException {
        byte[] window = new byte[OGG_TAIL * 2];
        int filled = head.length;
        System.arraycopy(head, 0, window, 0, filled);
        for (int n; (n = in.read(window, filled, window.length - filled)) > 0; ) {
            filled += n;
            if (filled == window.length) {
                System.arraycopy(window, OGG_TAIL, window, 0, OGG_TAIL);
                filled = OGG_TAIL;
            }
        }
        return Arrays.copyOf(window, filled);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
