package io.conversa.interfaces.rest;

import io.conversa.domain.model.account.Role;
import io.conversa.interfaces.batch.BatchJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Admins run the retention job now instead of waiting for the night: with {@code ?days=N} for that
 * period, otherwise for CONVERSA_RETENTION_DAYS; with neither, retention is off and nothing runs.
 */
@Path("admin/jobs/retention")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Role.ADMIN)
public class RetentionJobResource {

    @Inject
    BatchJobs batch;

    @Inject
    @ConfigProperty(name = "CONVERSA_RETENTION_DAYS")
    Optional<Integer> configuredDays;

    @POST
    public Response retention(@QueryParam("days") Integer days) {
        Optional<Integer> period = Optional.ofNullable(days).or(() -> configuredDays);
        if (period.isEmpty()) {
            return Problem.response(Status.CONFLICT, "Retention is off: set CONVERSA_RETENTION_DAYS or pass ?days=N.");
        }
        if (period.get() < 1) {
            return Problem.response(Status.BAD_REQUEST, "Retention needs at least 1 day.");
        }
        long id = batch.startRetention(period.get());
        return Response.accepted(BatchResource.ExecutionView.of(batch.execution(id))).build();
    }
}
