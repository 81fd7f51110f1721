package io.conversa.interfaces.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helper: runs both passes of the parser over fixture files or hand-made text. */
public final class Exports {

    static final ZoneId UTC = ZoneOffset.UTC;

    /** An export read in full: its format and all its messages. */
    record Parsed(ExportFormat format, List<ParsedMessage> messages) {

        ParsedMessage get(int index) {
            return messages.get(index);
        }

        int size() {
            return messages.size();
        }

        /** Message count per author, SYSTEM messages under the key "(system)". */
        Map<String, Integer> authors() {
            Map<String, Integer> counts = new TreeMap<>();
            for (ParsedMessage message : messages) {
                counts.merge(message.author() == null ? "(system)" : message.author(), 1, Integer::sum);
            }
            return counts;
        }

        Map<MessageKind, Integer> kinds() {
            Map<MessageKind, Integer> counts = new TreeMap<>();
            for (ParsedMessage message : messages) {
                counts.merge(message.kind(), 1, Integer::sum);
            }
            return counts;
        }
    }

    private Exports() {
    }

    /**
     * The fixtures folder, found from the working directory upwards: Maven runs tests in the module
     * folder (/work/main/ejb-module, where it is ../../shared/...), the console launcher anywhere below /work.
     */
    static Path fixtures() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/exports");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/exports not found above " + Path.of("").toAbsolutePath());
    }

    public static Path fixture(String name) {
        return fixtures().resolve(name);
    }

    /** The fixture exports that are chat text (.txt), but for the empty file and the file that is no chat. */
    public static Stream<Path> chatTexts() throws IOException {
        try (Stream<Path> files = Files.list(fixtures())) {
            return files.map(Path::getFileName).map(Path::toString).filter(name -> name.endsWith(".txt"))
                    .filter(name -> !name.startsWith("empty") && !name.startsWith("not-a-whatsapp"))
                    .sorted().map(Exports::fixture).toList().stream();
        }
    }

    /** The messages of an export file, read in the format its whole text decides, in UTC. */
    public static List<ParsedMessage> messagesOf(Path file) throws Exception {
        return messagesOf(Files.readAllBytes(file));
    }

    /** The messages of an export's text, read in the format its whole text decides, in UTC. */
    public static List<ParsedMessage> messagesOf(byte[] text) throws Exception {
        return parse(text, null, UTC).messages();
    }

    static Parsed parseFixture(String name) throws Exception {
        return parse(Files.readAllBytes(fixture(name)), null, UTC);
    }

    static Parsed parseText(String text) throws Exception {
        return parse(text.getBytes(StandardCharsets.UTF_8), null, UTC);
    }

    static Parsed parse(byte[] bytes, DateOrder requested, ZoneId zone) throws Exception {
        ExportParser parser = new ExportParser(zone, requested);
        ExportFormat format = parser.detect(new ByteArrayInputStream(bytes));
        return new Parsed(format, readAll(parser, new ByteArrayInputStream(bytes), format));
    }

    static List<ParsedMessage> readAll(ExportParser parser, InputStream in, ExportFormat format) {
        List<ParsedMessage> messages = new ArrayList<>();
        try (MessageStream stream = parser.parse(in, format)) {
            stream.forEachRemaining(messages::add);
        }
        return messages;
    }

    static ExportFormat detect(byte[] bytes) throws UnreadableExportException {
        try {
            return new ExportParser(UTC, null).detect(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
