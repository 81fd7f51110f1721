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
     * The entry of a name met before that {@code bytes[from, to)} starts with, followed by a ':', or -1:
     * the next message of a known author is recognized by comparing bytes, without looking for its ':'.
     */
    int writtenAt(byte[] bytes, int from, int to) {
        for (int i = 0; i < CAPACITY && written[i] != null; i++) {
            byte[] known = written[i];
            int colon = from + known.length;
            if (colon < to && bytes[colon] == ':' && bytes[from] == known[0]
                    && Arrays.equals(known, 0, known.length, bytes, from, colon)) {
                return i;
            }
        }
        return -1;
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
