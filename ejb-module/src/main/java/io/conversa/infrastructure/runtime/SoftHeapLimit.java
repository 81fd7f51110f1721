package io.conversa.infrastructure.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * ZGC's soft heap limit: ZGC collects so as to stay under it, and grows past it only when the live data
 * needs more. 2 GB was measured best for an import of 1.5 M messages (docs/BENCHMARKS.md): at 1 GB ZGC's
 * workers cost about 30 CPU-seconds of it, and with none (the heap's maximum, a quarter of the RAM) ZGC
 * used less but the server as a whole did not.
 *
 * <p>Set when the application starts rather than in jvm.options, because the JVM refuses to start at all
 * when the soft limit is above the maximum heap, which a machine with less than 8 GB of RAM has. So the
 * limit is 2 GB or the maximum heap, whichever is less. A limit the operator gave the JVM is kept.
 */
@Singleton
@Startup
public class SoftHeapLimit {

    private static final Logger LOG = Logger.getLogger(SoftHeapLimit.class.getName());
    static final long WANTED = 2L * 1024 * 1024 * 1024;
    private static final String SOFT_MAX = "SoftMaxHeapSize";

    @PostConstruct
    void apply() {
        HotSpotDiagnosticMXBean hotspot;
        VMOption softMax;
        long maxHeap;
        try {
            hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            softMax = hotspot.getVMOption(SOFT_MAX);
            maxHeap = Long.parseLong(hotspot.getVMOption("MaxHeapSize").getValue());
        } catch (RuntimeException notHotSpot) { // a JVM without these options (OpenJ9) has no use for them either
            LOG.info(() -> "No " + SOFT_MAX + " in this JVM; its heap is left as it is");
            return;
        }
        OptionalLong limit = limit(softMax.getOrigin(), maxHeap);
        if (limit.isEmpty()) {
            LOG.info(() -> SOFT_MAX + " " + softMax.getValue() + " as given to the JVM");
            return;
        }
        hotspot.setVMOption(SOFT_MAX, Long.toString(limit.getAsLong()));
        LOG.info(() -> SOFT_MAX + " set to " + limit.getAsLong() / (1024 * 1024) + " MB (maximum heap "
                + maxHeap / (1024 * 1024) + " MB)");
    }

    /** The limit to set, if the JVM's is its own default (the maximum heap) and not the operator's. */
    static OptionalLong limit(VMOption.Origin origin, long maxHeap) {
        if (origin != VMOption.Origin.DEFAULT && origin != VMOption.Origin.ERGONOMIC) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.min(WANTED, maxHeap));
    }
}
