package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Both passes read any amount of input as a stream: this export is generated on the fly, never held whole. */
class StreamingTest {

    private static final int MESSAGES = 200_000;

    /** An endless-looking export produced message by message: two lines each, every 97th a system line. */
    private static final class GeneratedExport extends InputStream {
        private final int messages;
        private int produced;
        private byte[] chunk = new byte[0];
        private int position;

        GeneratedExport(int messages) {
            this.messages = messages;
        }

        @Override
        public int read() {
            if (position == chunk.length) {
                if (produced == messages) {
                    return -1;
                }
                int minute = produced % 60;
                int hour = produced / 60 % 24;
                String line = produced % 97 == 0
                        ? String.format("[03/01/2022, %02d:%02d:00] Ana added Bob%n", hour, minute)
                        : String.format("[13/01/2022, %02d:%02d:00] Ann: message %d 😀%nsecond line%n", hour, minute,
                                produced);
                chunk = line.getBytes(StandardCharsets.UTF_8);
                position = 0;
                produced++;
            }
            return chunk[position++] & 0xFF;
        }
    }

    @Test
    void largeExportIsReadMessageByMessage() throws Exception {
        ExportParser parser = new ExportParser(Exports.UTC, null);
        ExportFormat format = parser.detect(new GeneratedExport(MESSAGES));

        assertThat(format.headerLines()).isEqualTo(MESSAGES);
        int count = 0;
        int system = 0;
        ParsedMessage last = null;
        try (MessageStream messages = parser.parse(new GeneratedExport(MESSAGES), format)) {
            while (messages.hasNext()) {
                last = messages.next();
                count++;
                system += last.kind() == MessageKind.SYSTEM ? 1 : 0;
            }
        }
        assertThat(count).isEqualTo(MESSAGES);
        assertThat(system).isEqualTo((MESSAGES + 96) / 97);
        assertThat(last.sequence()).isEqualTo(MESSAGES - 1);
        assertThat(last.text()).isEqualTo("message 199999 😀\nsecond line");
        assertThat(last.localTime()).isEqualTo(LocalDateTime.of(2022, 1, 13, 21, 19));
    }
}
