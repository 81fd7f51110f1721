package io.conversa.interfaces.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The authors' names met so far in a stream, by the bytes they are written with, so that each message
 * of a known author reuses its name instead of decoding and stripping it again: a chat has few
 * authors, and every message names one. Holds at most {@link #CAPACITY} names, replacing the oldest.
 * Not thread-safe: one instance per stream.
 */
final class Authors {

    private static final int CAPACITY = 32;

    private final byte[][] written = new byte[CAPACITY][];
    private final String[] names = new String[CAPACITY];
    private int next;
    /**
     * By first byte, the entry plus one that {@link #writtenAt} last found starting with it (0 for none):
     * few names of a chat share their first byte, so the first entry tried is nearly always the one.
     */
    private final byte[] lastByFirstByte = new byte[256];

    /**
     * The entry of a name met before that {@code bytes[from, to)} starts with, followed by a ':', or -1:
     * the next message of a known author is recognized by comparing bytes, without looking for its ':'.
     */
    int writtenAt(byte[] bytes, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int first = bytes[from] & 0xFF;
        int likely = lastByFirstByte[first] - 1;
        if (likely >= 0 && writtenThere(likely, bytes, from, to)) {
            return likely;
        }
        for (int i = 0; i < CAPACITY && written[i] != null; i++) {
            if (i != likely && writtenThere(i, bytes, from, to)) {
                lastByFirstByte[first] = (byte) (i + 1);
                return i;
            }
        }
        return -1;
    }

    private boolean writtenThere(int entry, byte[] bytes, int from, int to) {
        byte[] known = written[entry];
        int colon = from + known.length;
        return colon < to && bytes[colon] == ':' && bytes[from] == known[0]
                && Arrays.equals(known, 0, known.length, bytes, from, colon);
    }

    /** The name of an entry that {@link #writtenAt} found. */
    String name(int entry) {
        return names[entry];
    }

    /** How many bytes the name of an entry that {@link #writtenAt} found is written with. */
    int writtenLength(int entry) {
        return written[entry].length;
    }

    /** The name written as {@code bytes[from, to)}, decoded and stripped of surrounding whitespace. */
    String named(byte[] bytes, int from, int to) {
        int length = to - from;
        for (int i = 0; i < CAPACITY && written[i] != null; i++) {
            byte[] known = written[i];
            if (known.length == length && Arrays.equals(known, 0, length, bytes, from, to)) {
                return names[i];
            }
        }
        String name = new String(bytes, from, length, StandardCharsets.UTF_8).strip();
        written[next] = Arrays.copyOfRange(bytes, from, to);
        names[next] = name;
        next = (next + 1) % CAPACITY;
        return name;
    }
}
