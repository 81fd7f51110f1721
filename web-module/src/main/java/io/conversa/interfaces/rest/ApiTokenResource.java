package io.conversa.interfaces.rest;

import io.conversa.application.ApiTokens;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Admins issue integrator accounts long-lived API tokens with scopes, list them (never the token
 * itself, which is shown once) and revoke them; a revoked token is refused from the next request on.
 */
@Path("admin/accounts/{account}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Role.ADMIN)
public class ApiTokenResource {

    @Inject
    ApiTokens tokens;

    @Context
    SecurityContext security;

    /** {@code days}: lifetime, 365 when absent. */
    public record NewToken(String name, List<String> scopes, Integer days) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("account") long account, NewToken request) {
        NewToken r = request == null ? new NewToken(null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(tokens.issue(account, r.name(), r.scopes(), r.days(), Callers.of(security))).build();
    }

    @GET
    public List<ApiTokens.TokenInfo> list(@PathParam("account") long account) {
        return tokens.list(account);
    }

    @DELETE
    @Path("{token}")
    public Response revoke(@PathParam("account") long account, @PathParam("token") UUID token) {
        if (!tokens.revoke(account, token)) {
            throw new NotFoundException("Account " + account + " has no token " + token + ".");
        }
        return Response.noContent().build();
    }
}
