package io.conversa.application;

import io.conversa.interfaces.export.ExportFormat;
import io.conversa.interfaces.export.ExportParser;
import io.conversa.interfaces.export.MessageStream;
import io.conversa.interfaces.export.ParsedMessage;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU that {@link MessageFingerprints} takes for every message of an export, apart from parsing:
 * the messages are parsed once and held, then fingerprinted RUNS times, each run by a new instance as
 * an import makes one. Prints the thread's CPU per run and a checksum of all fingerprints, which two
 * versions must share. Run by {@code bench/fingerprints.sh}.
 */
public final class FingerprintBenchmark {

    private FingerprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ExportParser parser = new ExportParser(ZoneOffset.UTC, null);
        ExportFormat format;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            format = parser.detect(in);
        }
        List<ParsedMessage> messages = new ArrayList<>();
        try (MessageStream stream = parser.parse(Files.newInputStream(file), format)) {
            stream.forEachRemaining(messages::add);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%s: %,d messages%nrun  thread CPU s  checksum%n", file.getFileName(), messages.size());
        for (int run = 1; run <= runs; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            MessageFingerprints fingerprints = new MessageFingerprints();
            long checksum = 0;
            for (ParsedMessage message : messages) {
                checksum = checksum * 31 + fingerprints.of(message);
            }
            System.out.printf("%3d  %12.3f  %016x%n", run, (threads.getCurrentThreadCpuTime() - cpu) / 1e9, checksum);
        }
    }
}
