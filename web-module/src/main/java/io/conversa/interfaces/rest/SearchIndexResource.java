package io.conversa.interfaces.rest;

import io.conversa.domain.model.account.Role;
import io.conversa.interfaces.batch.BatchJobs;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Date;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins rebuild the search index from the database (the search-reindex batch job) and follow its progress. */
@Path("admin/search/reindex")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Role.ADMIN)
public class SearchIndexResource {

    @Inject
    BatchJobs batch;

    @Resource(lookup = "jdbc/conversa")
    DataSource dataSource;

    /** How far a reindex is: messages indexed so far out of the messages of ready conversations. */
    public record ReindexProgress(long executionId, String status, long indexed, long total, Date startedAt, Date endedAt) {
    }

    @POST
    public Response start() throws SQLException {
        long id = batch.start("search-reindex");
        return Response.accepted(progress(id)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) throws SQLException {
        try {
            if (!"search-reindex".equals(batch.execution(id).getJobName())) {
                return Problem.response(Status.NOT_FOUND, "Execution " + id + " is not a reindex.");
            }
            return Response.ok(progress(id)).build();
        } catch (NoSuchJobExecutionException e) {
            return Problem.response(Status.NOT_FOUND, "No batch execution " + id + ".");
        }
    }

    private ReindexProgress progress(long id) throws SQLException {
        var execution = batch.execution(id);
        long indexed = batch.steps(id).stream().filter(s -> s.getStepName().equals("index"))
                .mapToLong(SearchIndexResource::written).sum();
        return new ReindexProgress(id, execution.getBatchStatus().name(), indexed, total(), execution.getStartTime(),
                execution.getEndTime());
    }

    private static long written(StepExecution step) {
        return Arrays.stream(step.getMetrics()).filter(m -> m.getType() == Metric.MetricType.WRITE_COUNT)
                .mapToLong(Metric::getValue).sum();
    }

    private long total() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement q = c.createStatement();
                ResultSet r = q.executeQuery("SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id"
                        + " WHERE c.status = 'READY'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
