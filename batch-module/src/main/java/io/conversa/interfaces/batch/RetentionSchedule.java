package io.conversa.interfaces.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the retention job every night at 03:00 (server time) when CONVERSA_RETENTION_DAYS is set;
 * without it nothing is ever deleted by age. The timer is not persistent: a night the server was down
 * is caught up by the next one, which deletes the same messages and more.
 */
@Singleton
@Startup
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    BatchJobs batch;

    @Inject
    @ConfigProperty(name = "CONVERSA_RETENTION_DAYS")
    Optional<Integer> days;

    @PostConstruct
    void schedule() {
        if (days.isPresent()) {
            timers.createCalendarTimer(new ScheduleExpression().hour(3).minute(0), new TimerConfig("retention", false));
            LOG.info(() -> "Messages older than " + days.get() + " days are deleted every night at 03:00");
        }
    }

    @Timeout
    void run() {
        try {
            batch.startRetention(days.orElseThrow());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the nightly retention job", e);
        }
    }
}
