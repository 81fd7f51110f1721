package io.conversa.interfaces.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the analytics job every 15 minutes (CONVERSA_ANALYTICS_INTERVAL), unless the previous run is
 * still going. The timer is not persistent: after a restart the next run simply comes one interval later.
 */
@Singleton
@Startup
public class AnalyticsSchedule {

    private static final Logger LOG = Logger.getLogger(AnalyticsSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    BatchJobs batch;

    @Inject
    @ConfigProperty(name = "CONVERSA_ANALYTICS_INTERVAL", defaultValue = "PT15M")
    String interval;

    @PostConstruct
    void schedule() {
        long every = Duration.parse(interval).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("analytics", false));
    }

    @Timeout
    void run() {
        try {
            if (running()) {
                LOG.info("Analytics still running from the previous interval; this one is skipped");
                return;
            }
            batch.start("analytics");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the scheduled analytics job", e);
        }
    }

    private static boolean running() {
        try {
            return !BatchRuntime.getJobOperator().getRunningExecutions("analytics").isEmpty();
        } catch (NoSuchJobException e) {
            return false;
        }
    }
}
