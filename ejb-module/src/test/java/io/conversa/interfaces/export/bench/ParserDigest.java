package io.conversa.interfaces.export.bench;

import io.conversa.interfaces.export.DateOrder;
import io.conversa.interfaces.export.ExportFormat;
import io.conversa.interfaces.export.ExportParser;
import io.conversa.interfaces.export.HeaderLayout;
import io.conversa.interfaces.export.MessageStream;
import io.conversa.interfaces.export.OrderSource;
import io.conversa.interfaces.export.UnreadableExportException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The differential check of a parser change: prints, for many inputs, what both passes make of them
 * (the detected format or the refusal, then a digest of every field of every message read in several
 * formats). Run once with the classes of the parser before a change and once with those after it
 * ({@code bench/parser.sh compare}); any difference in the two outputs is a change in behaviour.
 * Only the parser's public API is used, so one compiled copy runs against either version.
 *
 * <p>Inputs: every fixture export (as written, with CRLF and CR line ends, with a byte-order mark,
 * without its final newline), mutated fixtures as {@code FuzzTest} makes them, random text from the
 * characters that matter to the parser, random bytes, and any files named on the command line.
 */
public final class ParserDigest {

    private static final String INTERESTING = "0123456789/.-,:[] APMapm\u202F\u00A0\u200E\u200F\u202A\u202C\uFEFF"
            + "\n\r<>()\"“”٠١٢٣۴۵٦ص م오후下午令和R年月日\u061C\u2066\u2069\u200D\u2028\u3000é€😀\uFFFD";
    private static final ZoneId[] ZONES = {ZoneId.of("UTC"), ZoneId.of("Europe/Berlin")};
    private static final int MUTATIONS_PER_FIXTURE = 300;
    private static final int RANDOM_INPUTS = 2000;

    private final PrintStream out;

    private ParserDigest(PrintStream out) {
        this.out = out;
    }

    /** {@code ParserDigest FIXTURES_DIR [FILE...]}: the digest of every input, one line each, on stdout. */
    public static void main(String[] args) throws Exception {
        ParserDigest digest = new ParserDigest(new PrintStream(System.out, false, StandardCharsets.UTF_8));
        List<byte[]> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                fixtures.add(bytes);
                digest.variants(file.getFileName().toString(), bytes);
            }
        }
        Random random = new Random(20240601L);
        int seedNumber = 0;
        for (byte[] seed : fixtures) {
            String text = new String(seed, StandardCharsets.UTF_8);
            for (int round = 0; round < MUTATIONS_PER_FIXTURE; round++) {
                String mutated = ExportMutations.mutate(text, random, 1 + random.nextInt(12), INTERESTING);
                digest.input("mutated " + seedNumber + "/" + round, mutated.getBytes(StandardCharsets.UTF_8), true);
            }
            seedNumber++;
        }
        for (int round = 0; round < RANDOM_INPUTS; round++) {
            String text = ExportMutations.randomText(random, INTERESTING);
            digest.input("random text " + round, text.getBytes(StandardCharsets.UTF_8), true);
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            digest.input("random bytes " + round, bytes, true);
            digest.input("random bytes in a header " + round, inHeader(bytes, random), true);
        }
        for (int i = 1; i < args.length; i++) {
            digest.input(args[i], Files.readAllBytes(Path.of(args[i])), false);
        }
        digest.out.flush();
    }

    private void variants(String name, byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        input(name, bytes, true);
        input(name + " CRLF", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), true);
        input(name + " CR", text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8), true);
        input(name + " BOM", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), true);
        input(name + " no final newline", text.stripTrailing().getBytes(StandardCharsets.UTF_8), true);
    }

    /** Random bytes inside and after an Android header, where the parser reads most closely. */
    private static byte[] inHeader(byte[] noise, Random random) {
        String header = random.nextBoolean() ? "18/03/2022, 14:56 - " : "[3/18/22, 2:56:01 PM] ";
        int cut = random.nextInt(header.length() + 1);
        byte[] start = header.substring(0, cut).getBytes(StandardCharsets.UTF_8);
        byte[] end = (header.substring(cut) + "Name: text\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + noise.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(noise, 0, all, start.length, noise.length);
        System.arraycopy(end, 0, all, start.length + noise.length, end.length);
        return all;
    }

    /** One line: the detected format (or refusal) in each zone, then the messages read in each format. */
    private void input(String name, byte[] bytes, boolean everyFormat) throws Exception {
        StringBuilder line = new StringBuilder(name).append(" |");
        for (ZoneId zone : ZONES) {
            ExportParser parser = new ExportParser(zone, null);
            ExportFormat detected = null;
            try {
                detected = parser.detect(new ByteArrayInputStream(bytes));
                line.append(" detect ").append(detected);
            } catch (UnreadableExportException e) {
                line.append(" refused ").append(e.getMessage());
            }
            for (DateOrder requested : DateOrder.values()) {
                try {
                    line.append(" ").append(requested).append(" ")
                            .append(new ExportParser(zone, requested).detect(new ByteArrayInputStream(bytes)));
                } catch (UnreadableExportException e) {
                    line.append(" refused ").append(e.getMessage());
                }
            }
            List<ExportFormat> formats = new ArrayList<>();
            if (detected != null) {
                formats.add(detected);
            }
            if (everyFormat) {
                for (HeaderLayout layout : HeaderLayout.values()) {
                    for (DateOrder order : DateOrder.values()) {
                        formats.add(new ExportFormat(layout, order, OrderSource.REQUESTED, "digest", 0));
                    }
                }
            }
            for (ExportFormat format : formats) {
                line.append(" ").append(format.layout()).append('/').append(format.dateOrder()).append(' ')
                        .append(messages(parser, new ByteArrayInputStream(bytes), format));
            }
        }
        out.println(line);
    }

    /** The count and the SHA-256 of every message's fields (a record's toString shows them all). */
    private static String messages(ExportParser parser, InputStream in, ExportFormat format) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long count = 0;
        String end = "";
        try (MessageStream stream = parser.parse(in, format)) {
            while (stream.hasNext()) {
                sha.update(stream.next().toString().getBytes(StandardCharsets.UTF_8));
                count++;
            }
            end = " skipped " + stream.skippedLines() + " lines " + stream.linesRead();
        } catch (RuntimeException e) {
            end = " failed " + e;
        }
        return count + " " + HexFormat.of().formatHex(sha.digest()) + end;
    }

}
