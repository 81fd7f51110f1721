package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The line reader finds the line ends of each read as a whole and checks UTF-8 read by read: whatever
 * sizes the input arrives in (a network stream, an archive entry), a CRLF or a character split between
 * two reads, a line longer than the reader's buffer, the messages and refusals are those of the file
 * read at once.
 */
class ChunkedReadsTest {

    /** Gives at most {@code most} bytes a read, as a slow network stream does. */
    private static final class Trickle extends ByteArrayInputStream {
        private final int most;

        Trickle(byte[] bytes, int most) {
            super(bytes);
            this.most = most;
        }

        @Override
        public synchronized int read(byte[] into, int offset, int length) {
            return super.read(into, offset, Math.min(length, most));
        }
    }

    static Stream<Arguments> fixturesInReadSizes() throws Exception {
        List<Path> texts;
        try (Stream<Path> files = Files.list(Exports.fixtures())) {
            texts = files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
        }
        return texts.stream().flatMap(file -> Stream.of(1, 3, 7, 4096).flatMap(most -> Stream.of("\n", "\r\n", "\r")
                .map(lineEnd -> Arguments.of(file.getFileName().toString(), lineEnd, most))));
    }

    @ParameterizedTest(name = "{0}, line ends {1}, {2} bytes a read")
    @MethodSource("fixturesInReadSizes")
    void fixtureReadsAsWhenReadAtOnce(String fixture, String lineEnd, int most) throws Exception {
        String text = Files.readString(Exports.fixture(fixture)).replaceAll("\r?\n", lineEnd);
        assertSameAsReadAtOnce(text.getBytes(StandardCharsets.UTF_8), most);
    }

    /** Some 300 kB with CRLF line ends: reads end inside CRLFs and characters, one line outgrows the buffer. */
    @ParameterizedTest(name = "{0} bytes a read")
    @ValueSource(ints = {1_000, 4_093, 65_536, 1 << 20})
    void longExportReadsAsWhenReadAtOnce(int most) throws Exception {
        StringBuilder export = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            export.append(String.format("%02d/03/2022, 14:%02d - Zoë: message %d, спасибо 😀‎\r\n", i % 28 + 1,
                    i % 60, i));
            if (i % 10 == 0) {
                export.append("a further line ‏with a mark\r\n\r\n");
            }
            if (i == 1_500) {
                export.append("ж".repeat(100_000)).append("\r\n");
            }
        }
        assertSameAsReadAtOnce(export.toString().getBytes(StandardCharsets.UTF_8), most);
    }

    /** A bad byte anywhere is refused with the same line number however the bytes arrive. */
    @ParameterizedTest(name = "{0} bytes a read")
    @ValueSource(ints = {1, 5, 4_096, 65_536})
    void badByteIsRefusedAtItsLine(int most) throws Exception {
        StringBuilder export = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            export.append(String.format("18/03/2022, 14:%02d - Ana: größer als %d%n", i % 60, i));
        }
        byte[] bytes = export.toString().getBytes(StandardCharsets.UTF_8);
        // The second byte of a "ö" on line 4,001 becomes the first of a sequence, which no UTF-8 allows.
        int line = 0;
        int at = 0;
        while (line < 4_000) {
            if (bytes[at++] == '\n') {
                line++;
            }
        }
        while (bytes[at] != (byte) 0xC3) {
            at++;
        }
        bytes[at + 1] = (byte) 0xC3;

        ExportParser parser = new ExportParser(Exports.UTC, null);
        ExportFormat format = parser.detect(new Trickle(bytes, most));

        assertThatThrownBy(() -> Exports.readAll(parser, new Trickle(bytes, most), format))
                .hasRootCauseInstanceOf(RefusedContentException.class)
                .hasMessageContaining("bad bytes on line 4001)");
    }

    private static void assertSameAsReadAtOnce(byte[] bytes, int most) throws Exception {
        ExportParser parser = new ExportParser(Exports.UTC, null);
        ExportFormat whole;
        try {
            whole = parser.detect(new ByteArrayInputStream(bytes));
        } catch (UnreadableExportException refused) {
            assertThatThrownBy(() -> parser.detect(new Trickle(bytes, most))).hasMessage(refused.getMessage());
            return;
        }
        assertThat(parser.detect(new Trickle(bytes, most))).isEqualTo(whole);
        List<ParsedMessage> expected = Exports.readAll(parser, new ByteArrayInputStream(bytes), whole);
        InputStream trickle = new Trickle(bytes, most);
        assertThat(Exports.readAll(parser, trickle, whole)).isEqualTo(expected).isNotEmpty();
    }
}
