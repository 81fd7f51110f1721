package io.conversa.interfaces.rest;

import io.conversa.domain.model.account.Role;
import io.conversa.interfaces.batch.BatchJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Admins start the analytics job now instead of waiting for its 15-minute schedule; its execution is
 * followed at {@code GET /api/v1/admin/batch/executions/{id}}.
 */
@Path("admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Role.ADMIN)
public class AnalyticsJobResource {

    @Inject
    BatchJobs batch;

    @POST
    @Path("analytics")
    public Response analytics() {
        long id = batch.start("analytics");
        return Response.accepted(BatchResource.ExecutionView.of(batch.execution(id))).build();
    }
}
