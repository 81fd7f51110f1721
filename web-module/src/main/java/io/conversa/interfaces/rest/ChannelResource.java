package io.conversa.interfaces.rest;

import io.conversa.application.Channels;
import io.conversa.application.DataKeys;
import io.conversa.application.InvalidRequestException;
import io.conversa.application.NotFoundException;
import io.conversa.domain.model.account.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Admins add the WhatsApp phone numbers Conversa serves beside the configured one, each with its
 * access token (stored encrypted, never shown), and rotate the key that encrypts such secrets.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Role.ADMIN)
public class ChannelResource {

    @Inject
    Channels channels;

    @Inject
    DataKeys dataKeys;

    @Context
    SecurityContext security;

    public record NewChannel(String phoneNumberId, String displayName, String accessToken) {
    }

    @GET
    @Path("channels")
    public List<Channels.Channel> list() {
        return channels.list();
    }

    @POST
    @Path("channels")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewChannel channel) {
        if (channel == null) {
            throw new InvalidRequestException("Send {\"phoneNumberId\", \"displayName\", \"accessToken\"}.");
        }
        return Response.status(Response.Status.CREATED).entity(channels.add(channel.phoneNumberId(), channel.displayName(),
                channel.accessToken(), security.getUserPrincipal().getName())).build();
    }

    @DELETE
    @Path("channels/{phoneNumberId}")
    public Response remove(@PathParam("phoneNumberId") String phoneNumberId) {
        if (!channels.remove(phoneNumberId)) {
            throw new NotFoundException("No channel " + phoneNumberId + ".");
        }
        return Response.noContent().build();
    }

    /** A new data key seals secrets from now on; every stored secret is re-sealed under it. */
    @POST
    @Path("keys/rotate")
    public DataKeys.Rotation rotate() {
        return dataKeys.rotate();
    }
}
