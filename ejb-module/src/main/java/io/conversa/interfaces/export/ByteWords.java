package io.conversa.interfaces.export;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads bytes eight at a time as a {@code long} and tests all eight at once, for the scans that look
 * at every byte of an export (line ends, ASCII runs, direction marks): a test per byte is what made
 * those scans the slowest part of a pass. Little-endian, so byte {@code i} of a word is its bits
 * {@code 8i} to {@code 8i + 7}.
 */
final class ByteWords {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

    private ByteWords() {
    }

    /** The eight bytes from {@code bytes[index]}; the caller checks that they are there. */
    static long word(byte[] bytes, int index) {
        return (long) WORDS.get(bytes, index);
    }

    /** The word with {@code b} in each of its bytes. */
    static long repeated(byte b) {
        return ONES * (b & 0xFF);
    }

    /** Whether every byte of {@code word} is ASCII. */
    static boolean ascii(long word) {
        return (word & HIGH_BITS) == 0;
    }

    /** Whether some byte of {@code word} is below {@code bound}, which is at most 128 (exactly: no false answer). */
    static boolean anyBelow(long word, int bound) {
        return (word - ONES * bound & ~word & HIGH_BITS) != 0;
    }

    /**
     * The high bit of each byte of {@code word} equal to the byte that {@code pattern} repeats, and of no
     * other byte (no borrow runs from one byte into the next, so every line end of a word can be taken
     * from the one result); zero when there is none.
     */
    static long bytesEqual(long word, long pattern) {
        long zeroWhereEqual = word ^ pattern;
        // The low seven bits of a byte plus 0x7F carry into its high bit unless they are all zero.
        return ~((zeroWhereEqual & LOW_BITS) + LOW_BITS | zeroWhereEqual | LOW_BITS);
    }

    /** The index in its word of the first byte that {@link #bytesEqual} marked. */
    static int firstMarked(long marks) {
        return Long.numberOfTrailingZeros(marks) >>> 3;
    }
}
