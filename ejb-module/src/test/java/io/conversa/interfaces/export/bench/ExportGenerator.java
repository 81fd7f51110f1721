package io.conversa.interfaces.export.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Writes a large, realistic Android group export for benchmarks: 1.5 million messages (about
 * 100 MB) by default, or as many as asked (15 million make about 1 GB), by authors with non-ASCII names, with multi-line messages, emoji, system lines, media and
 * attachment placeholders, deleted and edited messages. A fixed seed makes every run write the same bytes.
 */
public final class ExportGenerator {

    public static final int MESSAGES = 1_500_000;
    private static final long SEED = 20_240_601L;

    private static final String[] AUTHORS = {"Ana Souza", "Bruno", "Zoë Müller", "Søren Kierkegård", "Дмитрий",
        "李小龍", "محمد علي", "Priya 🌸", "+49 151 23456789", "Jean-François"};
    private static final String[] WORDS = {"hello", "ok", "see", "you", "tomorrow", "at", "the", "station", "I",
        "think", "we", "should", "bring", "food", "and", "drinks", "for", "everyone", "lol", "yes", "no", "maybe",
        "später", "genau", "schön", "très", "bien", "merci", "пока", "спасибо", "好的", "谢谢", "شكرا", "gracias",
        "😂", "👍", "❤️", "🙏🏽", "🎉", "👨‍👩‍👧", "https://example.org/trip?day=3", "12:30", "o'clock", "\"quote\""};
    private static final String[] SYSTEM_LINES = {"%s added %s", "%s left", "%s removed %s",
        "%s changed the subject from \"Trip\" to \"Trip: Rome\"", "%s changed this group's icon",
        "%s changed the group description", "Your security code with %s changed. Tap to learn more.",
        "%s joined using this group's invite link"};
    private static final String[] ATTACHMENTS = {"IMG-%s-WA%04d.jpg", "VID-%s-WA%04d.mp4", "PTT-%s-WA%04d.opus",
        "STK-%s-WA%04d.webp", "DOC-%s-WA%04d.pdf"};

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final StringBuilder line = new StringBuilder(256);
    private final long messages;

    private ExportGenerator(long messages) {
        this.messages = messages;
    }

    /** Writes the 1.5 M-message export to {@code file}, replacing it. */
    public static void write(Path file) throws IOException {
        write(file, MESSAGES);
    }

    /** Writes an export of {@code messages} messages to {@code file}, replacing it. */
    public static void write(Path file, long messages) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16)) {
            new ExportGenerator(messages).writeMessages(out);
        }
        // Renamed at the end, so an interrupted run never leaves a truncated export that looks complete.
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private void writeMessages(Writer out) throws IOException {
        LocalDateTime time = LocalDateTime.of(2017, 1, 1, 8, 0);
        header(time);
        line.append("Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
                + "can read or listen to them. Tap to learn more.\n");
        out.append(line);
        for (long i = 1; i < messages; i++) {
            time = time.plusMinutes(random.nextInt(4));
            header(time);
            int dice = random.nextInt(1000);
            if (dice < 10) {
                line.append(String.format(SYSTEM_LINES[random.nextInt(SYSTEM_LINES.length)], author(), author()));
            } else {
                line.append(author()).append(": ");
                body(dice, time, i);
            }
            line.append('\n');
            out.append(line);
        }
    }

    /** {@code dd/MM/yyyy, HH:mm - }, built by hand: String.format would dominate the generator's time. */
    private void header(LocalDateTime time) {
        line.setLength(0);
        twoDigits(time.getDayOfMonth()).append('/');
        twoDigits(time.getMonthValue()).append('/').append(time.getYear()).append(", ");
        twoDigits(time.getHour()).append(':');
        twoDigits(time.getMinute()).append(" - ");
    }

    private StringBuilder twoDigits(int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** A message body; {@code dice} (10..999) picks its kind with roughly the mix of a lively group chat. */
    private void body(int dice, LocalDateTime time, long sequence) {
        if (dice < 50) {
            line.append("<Media omitted>");
        } else if (dice < 60) {
            String day = String.format("%04d%02d%02d", time.getYear(), time.getMonthValue(), time.getDayOfMonth());
            line.append(String.format(ATTACHMENTS[random.nextInt(ATTACHMENTS.length)], day, sequence % 10_000))
                    .append(" (file attached)");
        } else if (dice < 65) {
            line.append("This message was deleted");
        } else if (dice < 145) {
            // Multi-line: 2 to 4 lines, sometimes a blank one inside.
            int lines = 2 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                if (l > 0) {
                    line.append('\n');
                }
                if (random.nextInt(6) != 0) {
                    words(2 + random.nextInt(8));
                }
            }
        } else {
            words(1 + random.nextInt(7));
            if (dice < 160) {
                line.append(" <This message was edited>");
            }
        }
    }

    private void words(int count) {
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                line.append(' ');
            }
            line.append(WORDS[random.nextInt(WORDS.length)]);
        }
    }

    private String author() {
        return AUTHORS[random.nextInt(AUTHORS.length)];
    }

    /** {@code ExportGenerator FILE [MESSAGES]}: writes the export (1.5 M messages unless told) to FILE. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), args.length > 1 ? Long.parseLong(args[1]) : MESSAGES);
    }
}
