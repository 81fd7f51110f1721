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
