package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An import's first pass reads only until the format is clear; the parse counts every header as {@code detect}
 * does and says what the whole file decides, so that an import misled by its first lines finds out.
 */
class FirstLookTest {

    /** Lines enough for the first look to trust, all day-first; then twice as many month-first ones. */
    private static final String DAY_FIRST_THEN_MORE_MONTH_FIRST = "13/01/2024, 10:00 - Ann: day first\n".repeat(1_000)
            + "01/13/2024, 11:00 - Bob: month first\n".repeat(2_000);

    @ParameterizedTest
    @MethodSource("io.conversa.interfaces.export.Exports#chatTexts")
    void theFirstLookAndTheWholeFileDecideWhatDetectDecides(Path fixture) throws Exception {
        byte[] bytes = Files.readAllBytes(fixture);
        ExportParser parser = new ExportParser(Exports.UTC, null);
        ExportFormat detected = parser.detect(new ByteArrayInputStream(bytes));
        ExportFormat looked = parser.firstLook(new ByteArrayInputStream(bytes));

        assertThat(looked).isEqualTo(detected);
        assertThat(wholeFile(parser, bytes, looked)).isEqualTo(detected);
    }

    @Test
    void readsOnlyUntilTheFormatIsClear() throws Exception {
        byte[] bytes = ("12/01/2024, 10:00 - Ann: ambiguous\n".repeat(5_000) + "13/01/2024, 10:00 - Ann: decides\n"
                + "13/01/2024, 10:01 - Bob: more\n".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        CountingInput in = new CountingInput(bytes);

        ExportFormat looked = new ExportParser(Exports.UTC, null).firstLook(in);

        assertThat(looked.dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(looked.orderReason()).contains("line 5001");
        assertThat(in.read).as("bytes read of %d", bytes.length).isLessThan(bytes.length / 10);
    }

    @Test
    void theWholeFileOverrulesAFirstLookItsFirstLinesMisled() throws Exception {
        byte[] bytes = DAY_FIRST_THEN_MORE_MONTH_FIRST.getBytes(StandardCharsets.UTF_8);
        ExportParser parser = new ExportParser(Exports.UTC, null);

        ExportFormat looked = parser.firstLook(new ByteArrayInputStream(bytes));
        ExportFormat wholeFile = wholeFile(parser, bytes, looked);

        assertThat(looked.dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(wholeFile.dateOrder()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
        assertThat(wholeFile).isEqualTo(parser.detect(new ByteArrayInputStream(bytes)));
        // Read again in the whole file's format: the day-first lines are no headers then, so they come before the first.
        try (MessageStream stream = parser.parse(new ByteArrayInputStream(bytes), wholeFile)) {
            List<ParsedMessage> messages = new ArrayList<>();
            stream.forEachRemaining(messages::add);
            assertThat(messages).hasSize(2_000).allSatisfy(m -> assertThat(m.author()).isEqualTo("Bob"));
            assertThat(stream.skippedLines()).isEqualTo(1_000);
            assertThat(stream.formatOfWholeFile()).isEqualTo(wholeFile);
        }
    }

    @Test
    void theWholeFileRefusesARequestedOrderItsLaterDatesContradict() throws Exception {
        byte[] bytes = DAY_FIRST_THEN_MORE_MONTH_FIRST.getBytes(StandardCharsets.UTF_8);
        ExportParser parser = new ExportParser(Exports.UTC, DateOrder.DAY_MONTH_YEAR);

        ExportFormat looked = parser.firstLook(new ByteArrayInputStream(bytes));

        assertThat(looked.dateOrder()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThatThrownBy(() -> wholeFile(parser, bytes, looked)).isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("asked for dates in DAY_MONTH_YEAR order").hasMessageContaining("line 1001");
    }

    @Test
    void theWholeFileIsOnlyToldOnceTheStreamIsReadToItsEnd() throws Exception {
        byte[] bytes = DAY_FIRST_THEN_MORE_MONTH_FIRST.getBytes(StandardCharsets.UTF_8);
        ExportParser parser = new ExportParser(Exports.UTC, null);
        try (MessageStream stream = parser.parse(new ByteArrayInputStream(bytes), parser.firstLook(new ByteArrayInputStream(bytes)))) {
            stream.next();
            assertThatThrownBy(stream::formatOfWholeFile).isInstanceOf(IllegalStateException.class);
        }
    }

    private static ExportFormat wholeFile(ExportParser parser, byte[] bytes, ExportFormat format) throws Exception {
        try (MessageStream stream = parser.parse(new ByteArrayInputStream(bytes), format)) {
            stream.forEachRemaining(message -> { });
            return stream.formatOfWholeFile();
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInput extends FilterInputStream {
        long read;

        CountingInput(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
