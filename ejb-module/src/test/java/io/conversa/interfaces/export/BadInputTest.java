package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

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
    void latin1IsNotUtf8() {
        byte[] latin1 = "18/03/2022, 14:56 - Zoë: olá\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> Exports.detect(latin1))
                .isInstanceOf(UnreadableExportException.class).hasMessageContaining("not UTF-8 text (bad bytes on line 1)");
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
