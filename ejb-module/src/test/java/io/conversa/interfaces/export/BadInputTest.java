package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input that is no export ends with a reason in words, never with a crash or half a result. */
class BadInputTest {

    private static final String CHAT = "18/03/2022, 14:56 - Ann: hello\n";

    @Test
    void blankFileIsEmpty() {
        assertThatThrownBy(() -> Exports.detect(" \n\r\n\t\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableExportException.class).hasMessage("The file is empty.");
    }

    @Test
    void utf16IsNamed() {
        assertThatThrownBy(() -> Exports.detect(("\uFEFF" + CHAT).getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOf(UnreadableExportException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> Exports.detect(("\uFEFF" + CHAT).getBytes(StandardCharsets.UTF_16BE)))
                .isInstanceOf(UnreadableExportException.class).hasMessageContaining("UTF-16");
    }

    @Test
    void utf16WithoutByteOrderMarkIsNamedByTheZeroBytesBesideItsAsciiCharacters() {
        String cyrillic = "18/03/2022, 14:56 - Дмитрий: привет\n";
        for (String chat : new String[] {CHAT, cyrillic}) {
            for (var utf16 : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
                assertThatThrownBy(() -> Exports.detect(chat.getBytes(utf16))).as("%s %s", utf16, chat)
                        .isInstanceOf(UnreadableExportException.class).hasMessageContaining("UTF-16");
            }
        }
        assertThatThrownBy(() -> Exports.detect(new byte[4096])).as("zeros alone are no UTF-16")
                .hasMessageContaining("not a WhatsApp chat");
    }

    @Test
    void latin1IsNotUtf8() throws Exception {
        byte[] latin1 = "18/03/2022, 14:56 - Zoë: olá\n".getBytes(StandardCharsets.ISO_8859_1);
        ExportParser parser = new ExportParser(ZoneOffset.UTC, null);
        // The first pass reads it as a chat; the second, which decodes it, refuses it.
        ExportFormat format = parser.detect(new ByteArrayInputStream(latin1));

        assertThatThrownBy(() -> Exports.readAll(parser, new ByteArrayInputStream(latin1), format))
                .isInstanceOf(UncheckedIOException.class).hasRootCauseInstanceOf(RefusedContentException.class)
                .hasMessageContaining("not UTF-8 text (bad bytes on line 1)");
    }

    /**
     * The second pass checks every line's bytes, whichever way it reads the line: a line before the first
     * header, a header line's text (of a new author, of a known one, of a header read from its decoded text),
     * a further line of a message. The bad byte is an "é" cut to its Latin-1 byte, on one line at a time.
     */
    @ParameterizedTest(name = "line {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void badBytesAreRefusedOnTheirLineWhereverTheyAre(int badLine) throws Exception {
        List<String> lines = List.of("Exported é", "18/03/2022, 14:56 - Ann: hé", "a further line é",
                "18/03/2022, 14:57 - Béa: a new author's name", "18/03/2022, 14:58 - Ann: a known author é",
                "١٨/٠٣/٢٠٢٢, ١٤:٥٩ - Ann: read from its decoded text é");
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i) + "\n";
            export.writeBytes(i + 1 == badLine ? latin1Accent(line) : line.getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = export.toByteArray();
        ExportParser parser = new ExportParser(ZoneOffset.UTC, null);
        ExportFormat format = parser.detect(new ByteArrayInputStream(bytes));

        assertThatThrownBy(() -> Exports.readAll(parser, new ByteArrayInputStream(bytes), format))
                .hasRootCauseInstanceOf(RefusedContentException.class)
                .hasMessageContaining("(bad bytes on line " + badLine + ")");
    }

    /** The line in UTF-8, but its first "é" as the single byte Latin-1 writes for it. */
    private static byte[] latin1Accent(String line) {
        int at = line.indexOf('é');
        byte[] before = line.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = line.substring(at + 1).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before);
        bytes.write(0xE9);
        bytes.writeBytes(after);
        return bytes.toByteArray();
    }

    @Test
    void binaryDataIsRefused() {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);

        assertThatThrownBy(() -> Exports.detect(noise)).isInstanceOf(UnreadableExportException.class);
        assertThatThrownBy(() -> Exports.detect(new byte[4096])).isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("not a WhatsApp chat");
    }

    @Test
    void inputWithoutLineBreaksIsRefusedBeforeFillingTheMemory() {
        byte[] oneHugeLine = "a".repeat(LineReader.MAX_LINE_CHARS + 10).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Exports.detect(oneHugeLine)).isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("line 1 is longer than");
    }

    @Test
    void aMessageThatGoesOnForMegabytesIsRefusedBeforeFillingTheMemory() {
        String lines = "more text on a line of its own\n".repeat(MoreLines.MAX_BYTES / 31 + 1);
        byte[] export = (CHAT + "18/03/2022, 14:57 - Bob: start\n" + lines).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Exports.detect(export)).isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("the message of line 2 goes on for more than 4 MiB");
        // Read as a format decided before (an import's second pass): the stream refuses it too.
        ExportParser parser = new ExportParser(ZoneOffset.UTC, null);
        assertThatThrownBy(() -> Exports.readAll(parser, new ByteArrayInputStream(export), Exports.detect(CHAT.getBytes(
                StandardCharsets.UTF_8)))).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(RefusedContentException.class).hasMessageContaining("line 2 goes on for more than");
    }

    @Test
    void mixedLineEndingsAndLongMessagesAreRead() throws Exception {
        String longText = "x".repeat(200_000);
        Exports.Parsed chat = Exports.parseText("18/03/2022, 14:56 - Ann: a\r18/03/2022, 14:57 - Bob: "
                + longText + "\r\n\r\n18/03/2022, 14:58 - Ann: c\n\rd");

        assertThat(chat.messages()).extracting(ParsedMessage::text).containsExactly("a", longText, "c\n\nd");
    }

    @Test
    void linesBeforeTheFirstMessageAreSkippedAndCounted() throws Exception {
        byte[] export = ("Exported by a tool\n\n" + CHAT).getBytes(StandardCharsets.UTF_8);
        ExportParser parser = new ExportParser(Exports.UTC, null);
        ExportFormat format = parser.detect(new java.io.ByteArrayInputStream(export));

        try (MessageStream messages = parser.parse(new java.io.ByteArrayInputStream(export), format)) {
            assertThat(messages.next().text()).isEqualTo("hello");
            assertThat(messages.hasNext()).isFalse();
            assertThat(messages.skippedLines()).isEqualTo(2);
        }
    }
}
