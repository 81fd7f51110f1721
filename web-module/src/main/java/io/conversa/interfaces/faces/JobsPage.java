package io.conversa.interfaces.faces;

import io.conversa.application.JobQueries;
import io.conversa.domain.model.job.Job;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;

/** Backs the admin page that follows imports as they run, with a progress bar each. */
@Named
@RequestScoped
public class JobsPage {

    @Inject
    JobQueries jobs;

    @Inject
    SecurityContext security;

    public List<Job> getRecent() {
        return jobs.recent(PageCaller.of(security), 50);
    }

    /** Whole percent of the upload read so far. */
    public long percent(Job job) {
        Long total = job.bytesTotal();
        return total == null || total == 0 ? 0 : Math.min(100, job.bytesDone() * 100 / total);
    }
}
