package io.conversa.interfaces.rest;

import io.conversa.application.Authentication;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** Staff log in with username and password and receive a bearer token for the API. */
@Path("auth")
@PermitAll
public class AuthResource {

    @Inject
    Authentication authentication;

    public record Credentials(@NotBlank String username, @NotBlank String password) {
    }

    public record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@Valid Credentials credentials) {
        if (credentials == null) {
            return Problem.response(Status.BAD_REQUEST, "Send {\"username\": ..., \"password\": ...}.");
        }
        return authentication.token(credentials.username(), credentials.password())
                .map(t -> Response.ok(new TokenResponse(t.token(), "Bearer", t.expiresIn())).build())
                .orElseGet(() -> Problem.response(Status.UNAUTHORIZED, "Unknown username or wrong password."));
    }
}
