package io.conversa.interfaces.rest;

import io.conversa.domain.model.account.Role;
import io.conversa.interfaces.batch.BatchJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.JobExecution;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Date;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins start batch jobs on demand and follow their executions. */
@Path("admin/batch")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Role.ADMIN)
public class BatchResource {

    @Inject
    BatchJobs batch;

    public record ExecutionView(long executionId, String job, String status, String exitStatus, Date startedAt, Date endedAt) {

        static ExecutionView of(JobExecution e) {
            return new ExecutionView(e.getExecutionId(), e.getJobName(), e.getBatchStatus().name(), e.getExitStatus(),
                    e.getStartTime(), e.getEndTime());
        }
    }

    @POST
    @Path("{job}")
    public Response start(@PathParam("job") String job) {
        if (!BatchJobs.KNOWN.contains(job)) {
            return Problem.response(Status.NOT_FOUND, "No batch job '" + job + "'. Known: " + BatchJobs.KNOWN);
        }
        long id = batch.start(job);
        return Response.accepted(ExecutionView.of(batch.execution(id))).build();
    }

    @GET
    @Path("executions/{id}")
    public Response execution(@PathParam("id") long id) {
        try {
            return Response.ok(ExecutionView.of(batch.execution(id))).build();
        } catch (NoSuchJobExecutionException e) {
            return Problem.response(Status.NOT_FOUND, "No batch execution " + id + ".");
        }
    }
}
