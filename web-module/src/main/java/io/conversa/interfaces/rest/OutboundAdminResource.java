package io.conversa.interfaces.rest;

import io.conversa.application.InvalidRequestException;
import io.conversa.application.Outbound;
import io.conversa.domain.model.account.Role;
import io.conversa.domain.model.outbound.OutboundStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins watch the sends, find those that failed their last attempt and re-drive them. */
@Path("admin/outbound")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Role.ADMIN)
public class OutboundAdminResource {

    @Inject
    Outbound outbound;

    /** Newest first; {@code status} is QUEUED, SENT, DELIVERED, READ or FAILED (the default: the dead letters). */
    @GET
    public List<OutboundView> list(@QueryParam("status") @DefaultValue("FAILED") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        OutboundStatus wanted;
        try {
            wanted = OutboundStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status must be one of QUEUED, SENT, DELIVERED, READ, FAILED.");
        }
        return outbound.withStatus(wanted, limit).stream().map(OutboundView::of).toList();
    }

    /** Gives a FAILED send three new attempts. */
    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") UUID id) {
        return Response.accepted(OutboundView.of(outbound.retry(id))).build();
    }
}
