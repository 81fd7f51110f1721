package io.conversa.interfaces.export;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Summarizes an export file (.txt, or .zip with its media) without importing it; its {@code main}
 * is {@code bin/conversa inspect}, which needs no server.
 */
public final class ExportInspection {

    static final int EXIT_UNREADABLE = 2;
    /** sysexits' EX_USAGE, so that scripts can tell a wrong command line from a bad file. */
    static final int EXIT_USAGE = 64;

    private static final String USAGE = "usage: conversa inspect FILE [--timezone ZONE] "
            + "[--date-order DAY_MONTH_YEAR|MONTH_DAY_YEAR|YEAR_MONTH_DAY]";

    private final ZoneId zone;
    private final ExportParser parser;
    private final long maxUnpackedBytes;

    /**
     * @param zone           the conversation's time zone, for the instants of the first and last message
     * @param preferredOrder null to let the file decide its date order, else the order to read it in
     * @param maxUnpackedBytes how much a zip may unpack to, as an import allows ({@link ArchiveLimits#check})
     */
    public ExportInspection(ZoneId zone, DateOrder preferredOrder, long maxUnpackedBytes) {
        this.zone = zone;
        this.parser = new ExportParser(zone, preferredOrder);
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    /**
     * Reads a plain text export or a zipped one; a zip is recognized by its content, whatever its name.
     *
     * @throws UnreadableExportException when the file holds no readable WhatsApp chat
     */
    public ExportSummary inspect(Path file) throws IOException, UnreadableExportException {
        return inspect(file, file.getFileName().toString());
    }

    /** As {@link #inspect(Path)}, for a file whose own name is {@code name} (an upload kept under another). */
    public ExportSummary inspect(Path file, String name) throws IOException, UnreadableExportException {
        try {
            return isZip(file) ? inspectArchive(file, name) : inspectText(file);
        } catch (RefusedContentException e) {
            throw new UnreadableExportException(e.getMessage(), e);
        }
    }

    private ExportSummary inspectText(Path file) throws IOException, UnreadableExportException {
        ExportFormat format;
        try (InputStream in = Files.newInputStream(file)) {
            format = parser.detect(in);
        }
        return tally(format, Files.newInputStream(file)).summary(null, zone, null);
    }

    private ExportSummary inspectArchive(Path file, String name) throws IOException, UnreadableExportException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ArchiveLimits.check(zip, maxUnpackedBytes);
            ChatArchive.ChatText chat = ChatArchive.find(zip, name, parser::detect).orElseThrow(() -> new UnreadableExportException(
                    "The zip archive holds no WhatsApp chat: none of its .txt files reads as a chat export."));
            // macOS metadata entries are named "._name", so they never match an attachment's name.
            Set<String> files = zip.stream()
                    .filter(entry -> !entry.isDirectory())
                    .map(ExportInspection::fileName)
                    .collect(Collectors.toSet());
            return tally(chat.format(), ArchiveLimits.open(zip, chat.entry()))
                    .summary(chat.entry().getName(), zone, files);
        } catch (ZipException e) {
            throw new UnreadableExportException("The file starts like a zip archive but is no readable zip: "
                    + e.getMessage() + ".", e);
        }
    }

    private ExportTally tally(ExportFormat format, InputStream in) throws IOException {
        ExportTally tally = new ExportTally(format);
        try (MessageStream messages = parser.parse(in, format)) {
            tally.count(messages);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return tally;
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ChatArchive.startsLikeZip(in);
        }
    }

    private static String fileName(ZipEntry entry) {
        return entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
    }

    /** {@code FILE [--timezone ZONE] [--date-order ORDER]}: prints the summary as JSON. */
    public static void main(String[] args) {
        // The platform's default encoding may not be UTF-8 (POSIX locale), and names are in any script.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, System.err));
    }

    /** What {@link #main} does, with its streams given; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        ZoneId zone = ZoneId.systemDefault();
        DateOrder order = null;
        long maxUnpacked;
        try {
            maxUnpacked = maxUnpackedBytes();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--timezone" -> zone = ZoneId.of(optionValue(args, ++i));
                    case "--date-order" -> order = dateOrder(optionValue(args, ++i));
                    default -> {
                        if (file != null || args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        file = Path.of(args[i]);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no FILE given");
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            err.println("inspect: " + e.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        }
        try {
            out.println(ExportSummaryJson.of(new ExportInspection(zone, order, maxUnpacked).inspect(file)));
            return 0;
        } catch (UnreadableExportException e) {
            out.println(ExportSummaryJson.error(e.getMessage()));
        } catch (NoSuchFileException e) {
            out.println(ExportSummaryJson.error("There is no file " + file + "."));
        } catch (IOException e) {
            out.println(ExportSummaryJson.error("The file " + file + " cannot be read: " + e.getMessage()));
        }
        return EXIT_UNREADABLE;
    }

    /** The same limit as the server's imports, from the same setting. */
    private static long maxUnpackedBytes() {
        String configured = System.getenv("CONVERSA_IMPORT_MAX_UNPACKED_BYTES");
        try {
            return configured == null || configured.isBlank() ? ArchiveLimits.DEFAULT_MAX_UNPACKED_BYTES
                    : Long.parseLong(configured.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CONVERSA_IMPORT_MAX_UNPACKED_BYTES is no number of bytes: " + configured, e);
        }
    }

    private static String optionValue(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static DateOrder dateOrder(String name) {
        try {
            return DateOrder.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown date order " + name + "; one of "
                    + Arrays.toString(DateOrder.values()), e);
        }
    }
}
