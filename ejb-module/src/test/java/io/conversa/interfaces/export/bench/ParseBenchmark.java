package io.conversa.interfaces.export.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import io.conversa.interfaces.export.ExportFormat;
import io.conversa.interfaces.export.ExportParser;
import io.conversa.interfaces.export.MessageStream;
import io.conversa.interfaces.export.UnreadableExportException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Parse-only benchmark: both passes of {@link ExportParser} as an import makes them (its first look, then the
 * parse, which confirms the first look's format from the whole file) over the generated
 * export, N times in one JVM, so the first run shows the cold cost and the later ones the warm cost.
 * Run it with {@code -Xmx256m} to show that parsing fits in that heap.
 */
public final class ParseBenchmark {

    private static final double MB = 1_000_000.0;
    /** Heap sizes in MiB, the unit of -Xmx. */
    private static final double MIB = 1 << 20;
    private static final double NANOS = 1e9;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final HeapWatch heap = new HeapWatch();
    /** The process CPU time when the last run's first look ended. */
    private long lookCpuEnd;

    /**
     * Heap in use at its highest: the JVM only frees memory in collections, so the most used is what a
     * collection found before it started. GC notifications report that; the current usage covers the
     * time since the last collection.
     */
    private static final class HeapWatch {
        /** A GC reports every pool, Metaspace and code cache too; only the heap's count here. */
        private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());

        private final AtomicLong peakBeforeGc = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();

        HeapWatch() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        peakBeforeGc.accumulateAndGet(used(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                        peakAfterGc.accumulateAndGet(used(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
        }

        private static long used(Map<String, MemoryUsage> pools) {
            return pools.entrySet().stream()
                    .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                    .mapToLong(pool -> pool.getValue().getUsed())
                    .sum();
        }

        void reset() {
            peakBeforeGc.set(0);
            peakAfterGc.set(0);
        }

        long peakUsed() {
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return Math.max(peakBeforeGc.get(), now);
        }

        /** The most memory still reachable after a collection: what parsing really holds on to. */
        long peakLive() {
            return peakAfterGc.get();
        }
    }

    private void run(Path file, int runs) throws IOException, UnreadableExportException {
        long bytes = Files.size(file);
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        System.out.printf(Locale.ROOT, "file %s: %.1f MB; max heap %.0f MiB; %d processors%n", file, bytes / MB,
                maxHeap / MIB, Runtime.getRuntime().availableProcessors());
        System.out.println("run  messages   wall s  thread CPU s  process CPU s     MB/s  messages/s  "
                + "heap peak MiB  live after GC MiB   look CPU s  parse CPU s");
        for (int run = 1; run <= runs; run++) {
            System.gc();
            heap.reset();
            long wallStart = System.nanoTime();
            long threadCpuStart = threads.getCurrentThreadCpuTime();
            long processCpuStart = os.getProcessCpuTime();
            long messages = parse(file);
            double lookCpu = (lookCpuEnd - processCpuStart) / NANOS;
            double wall = (System.nanoTime() - wallStart) / NANOS;
            double threadCpu = (threads.getCurrentThreadCpuTime() - threadCpuStart) / NANOS;
            double processCpu = (os.getProcessCpuTime() - processCpuStart) / NANOS;
            System.out.printf(Locale.ROOT, "%3d  %8d  %7.2f  %12.2f  %13.2f  %7.1f  %10.0f  %13.1f  %17.1f  %12.2f  %11.2f%n",
                    run, messages, wall, threadCpu, processCpu, bytes / MB / wall, messages / wall, heap.peakUsed() / MIB,
                    heap.peakLive() / MIB, lookCpu, processCpu - lookCpu);
        }
    }

    /**
     * Both passes, as an import does them; returns the number of messages. Notes the process CPU time
     * when the first look is done, so that each pass's share (GC and JIT threads included) is told.
     */
    private long parse(Path file) throws IOException, UnreadableExportException {
        ExportParser parser = new ExportParser(ZoneOffset.UTC, null);
        ExportFormat format;
        try (InputStream in = Files.newInputStream(file)) {
            format = parser.firstLook(in);
        }
        lookCpuEnd = os.getProcessCpuTime();
        long messages = 0;
        try (MessageStream stream = parser.parse(Files.newInputStream(file), format)) {
            while (stream.hasNext()) {
                stream.next();
                messages++;
            }
            ExportFormat wholeFile = stream.formatOfWholeFile();
            if (!wholeFile.readsLike(format)) {
                throw new IllegalStateException("the first look decided " + format + ", the whole file " + wholeFile);
            }
        }
        return messages;
    }

    /** {@code ParseBenchmark FILE [RUNS]}: generates FILE first if it does not exist; 5 runs by default. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (!Files.exists(file)) {
            System.out.println("generating " + file);
            ExportGenerator.write(file);
        }
        new ParseBenchmark().run(file, runs);
    }
}
