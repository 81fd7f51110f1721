package io.conversa.interfaces.rest;

import io.conversa.application.Authentication;
import io.conversa.application.CodeLogin;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;

/**
 * Logging in: staff with username and password ({@code token}); WhatsApp users with a code sent to
 * their number ({@code request-code}, then {@code verify}), renewed with rotating refresh tokens.
 */
@Path("auth")
@PermitAll
public class AuthResource {

    @Inject
    Authentication authentication;

    @Inject
    CodeLogin codeLogin;

    @Context
    HttpServletRequest request;

    public record CodeRequest(String phone) {
    }

    public record CodeAnswer(String phone, String code) {
    }

    public record RefreshRequest(String refresh_token) {
    }

    public record LoginResponse(String access_token, String token_type, long expires_in, String refresh_token) {

        static LoginResponse of(CodeLogin.Login login) {
            return new LoginResponse(login.access().token(), "Bearer", login.access().expiresIn(), login.refreshToken());
        }
    }


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

    /** Sends a login code to the number over WhatsApp; the answer is the same whether or not the number is known. */
    @POST
    @Path("request-code")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response requestCode(CodeRequest body) {
        codeLogin.requestCode(body == null ? null : body.phone(), request.getRemoteAddr());
        return Response.accepted(Map.of("detail", "A code is on its way to this number over WhatsApp; it is valid for 5 minutes."))
                .build();
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify(CodeAnswer body) {
        return codeLogin.verify(body == null ? null : body.phone(), body == null ? null : body.code(), request.getRemoteAddr())
                .map(login -> Response.ok(LoginResponse.of(login)).build())
                .orElseGet(() -> Problem.response(Status.UNAUTHORIZED, "Wrong or expired code."));
    }

    /** Exchanges a refresh token for a new pair; the old one is used up. */
    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh(RefreshRequest body) {
        return codeLogin.refresh(body == null ? null : body.refresh_token())
                .map(login -> Response.ok(LoginResponse.of(login)).build())
                .orElseGet(() -> Problem.response(Status.UNAUTHORIZED, "This refresh token is not valid (any more); log in again."));
    }

    /** Ends the login the refresh token belongs to, on every device that holds one of its tokens. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response logout(RefreshRequest body) {
        codeLogin.logout(body == null ? null : body.refresh_token());
        return Response.noContent().build();
    }
}
