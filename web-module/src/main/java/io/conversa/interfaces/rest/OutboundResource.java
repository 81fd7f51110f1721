package io.conversa.interfaces.rest;

import io.conversa.application.ApiScope;
import io.conversa.application.NotFoundException;
import io.conversa.application.Outbound;
import io.conversa.domain.model.account.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Where a send stands, for the integrators and admins who send. */
@Path("outbound")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RequiresScope(ApiScope.MESSAGES_SEND)
@RolesAllowed({Role.ADMIN, Role.INTEGRATOR})
public class OutboundResource {

    @Inject
    Outbound outbound;

    @GET
    @Path("{id}")
    public OutboundView get(@PathParam("id") UUID id) {
        return outbound.find(id).map(OutboundView::of).orElseThrow(() -> new NotFoundException("No outbound message " + id + "."));
    }
}
