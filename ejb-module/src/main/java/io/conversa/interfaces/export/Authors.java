package io.conversa.interfaces.export;

/**
 * The authors' names met so far in a stream, so that each message of a known author reuses its name
 * instead of cutting and stripping it out of the line again: a chat has few authors, and every
 * message names one. Holds at most {@link #CAPACITY} names, replacing the oldest; a name is only
 * ever compared with the text it would be cut from, so the names are the same either way. Not
 * thread-safe: one instance per stream.
 */
final class Authors {

    private static final int CAPACITY = 32;

    /** The text before the ':' as written, and the name it gives once stripped. */
    private final String[] written = new String[CAPACITY];
    private final String[] names = new String[CAPACITY];
    private int next;

    /** The name written in {@code line} before {@code end}, stripped of surrounding whitespace. */
    String nameBefore(String line, int end) {
        for (int i = 0; i < CAPACITY && written[i] != null; i++) {
            if (written[i].length() == end && line.startsWith(written[i])) {
                return names[i];
            }
        }
        String prefix = line.substring(0, end);
        String name = prefix.strip();
        written[next] = prefix;
        names[next] = name;
        next = (next + 1) % CAPACITY;
        return name;
    }
}
