package io.conversa.interfaces.rest;

import io.conversa.application.ApiScope;
import io.conversa.application.CloudApiFacts;
import io.conversa.application.NotFoundException;
import io.conversa.domain.model.account.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** What Conversa holds about a WhatsApp message id: the message, statuses, reactions, revocation. */
@Path("whatsapp/messages")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RequiresScope(ApiScope.CONVERSATIONS_READ)
@RolesAllowed({Role.ADMIN, Role.ANALYST, Role.INTEGRATOR})
public class WhatsAppResource {

    @Inject
    CloudApiFacts facts;

    @GET
    @Path("{waMessageId}")
    public CloudApiFacts.Facts get(@PathParam("waMessageId") String waMessageId) {
        return facts.of(waMessageId).orElseThrow(() -> new NotFoundException("Nothing is known of " + waMessageId + "."));
    }
}
