package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The second pass refuses a file that is not UTF-8, checking the lines it does not decode by their bytes and
 * the others as its own {@link Utf8Decoder} decodes them. The check must refuse exactly what the JDK's strict
 * decoder refuses, or a file would be read that was refused before (or the other way round); the decoder must
 * give the JDK's string without direction marks for any bytes, replacement characters included, and tell
 * exactly when it met bad bytes.
 */
class Utf8Test {

    /** Bytes around the boundaries of the UTF-8 rules: overlong forms, surrogates, the last code points. */
    private static final int[] EDGE_BYTES = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
        0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
    /** Every mark the decoder drops, the joiners it keeps, and characters next to them. */
    private static final byte[][] MARKS_AND_NEIGHBOURS = Stream.of("\u200E", "\u200F", "\u202A",
            "\u202E", "\u2066", "\u2069", "\u061C", "\uFEFF", "\u200D", "\u200C", "\u2010", "\u2065", "\u206A",
            "\u061B", "\u061D", "\uFEFE", "\u2029", "\u202F").map(c -> c.getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new);

    @Test
    void refusesExactlyWhatTheStrictDecoderRefuses() {
        Random random = new Random(11);
        for (int round = 0; round < 100_000; round++) {
            byte[] bytes = new byte[random.nextInt(20)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : EDGE_BYTES[random.nextInt(EDGE_BYTES.length)]);
            }
            assertThat(Utf8.wellFormed(bytes, 0, bytes.length)).as("%s", HexFormat.of().formatHex(bytes))
                    .isEqualTo(decodes(bytes));
        }
    }

    @Test
    void acceptsTextInEveryScriptAndLongAsciiRuns() {
        byte[] text = ("18/03/2022, 14:56 - Zoë: спасибо 好的 شكرا 👨‍👩‍👧 \u200E\uFEFF" + "x".repeat(40))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(Utf8.wellFormed(text, 0, text.length)).isTrue();
        assertThat(Utf8.wellFormed(text, 0, text.length - 41)).as("cut inside the byte-order mark").isFalse();
    }

    @Test
    void decoderGivesWhatTheJdkGivesWithoutMarksAndTellsBadBytesForAnyBytes() {
        Utf8Decoder decoder = new Utf8Decoder();
        Random random = new Random(12);
        for (int round = 0; round < 100_000; round++) {
            // Up to 600 bytes, so the decoder's buffer grows past its first size while it is reused.
            byte[] bytes = new byte[random.nextInt(round % 100 == 0 ? 600 : 20)];
            for (int i = 0; i < bytes.length; i++) {
                if (random.nextInt(8) == 0) {
                    byte[] mark = MARKS_AND_NEIGHBOURS[random.nextInt(MARKS_AND_NEIGHBOURS.length)];
                    int copied = Math.min(mark.length, bytes.length - i);
                    System.arraycopy(mark, 0, bytes, i, copied);
                    i += copied - 1;
                } else {
                    bytes[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256)
                            : EDGE_BYTES[random.nextInt(EDGE_BYTES.length)]);
                }
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int length = bytes.length - from == 0 ? 0 : random.nextInt(bytes.length - from + 1);
            String jdk = new String(bytes, from, length, StandardCharsets.UTF_8);
            String hex = HexFormat.of().formatHex(bytes);

            assertThat(decoder.decodeWithoutMarks(bytes, from, length)).as("%s [%d, +%d)", hex, from, length)
                    .isEqualTo(DirectionMarks.strip(jdk));
            assertThat(decoder.droppedMark()).as("dropped a mark: %s [%d, +%d)", hex, from, length)
                    .isEqualTo(jdk.chars().anyMatch(c -> DirectionMarks.isMark((char) c)));
            assertThat(decoder.metBadBytes()).as("met bad bytes: %s [%d, +%d)", hex, from, length)
                    .isEqualTo(!decodes(Arrays.copyOfRange(bytes, from, from + length)));
        }
    }

    @Test
    void decoderReadsEveryScriptAndCharactersBeyondTheBasicPlane() {
        String text = "Zoë: спасибо 好的 شكرا 👨‍👩‍👧 ￿ \uD800\uDC00 \uDBFF\uDFFF" + "x".repeat(300);
        byte[] bytes = ("ab\u200E" + text + "\u202Bcd").getBytes(StandardCharsets.UTF_8);
        Utf8Decoder decoder = new Utf8Decoder();

        assertThat(decoder.decodeWithoutMarks(bytes, 2, bytes.length - 4)).as("marks at both ends dropped").isEqualTo(text);
        assertThat(decoder.droppedMark()).isTrue();
    }

    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
