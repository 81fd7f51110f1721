package io.conversa.interfaces.rest;

import io.conversa.application.InvalidRequestException;
import io.conversa.application.NotFoundException;
import io.conversa.application.SendRefusedException;
import io.conversa.application.TooManyRequestsException;
import io.conversa.application.UploadTooLargeException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into a problem body with a status a client can act on. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return Problem.response(Status.BAD_REQUEST, e.getMessage());
        }
    }

    @Provider
    public static class UploadTooLarge implements ExceptionMapper<UploadTooLargeException> {
        @Override
        public Response toResponse(UploadTooLargeException e) {
            return Problem.response(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        }
    }

    @Provider
    public static class SendRefused implements ExceptionMapper<SendRefusedException> {
        @Override
        public Response toResponse(SendRefusedException e) {
            return Problem.response(Status.CONFLICT, e.getMessage());
        }
    }

    @Provider
    public static class TooManyRequests implements ExceptionMapper<TooManyRequestsException> {
        @Override
        public Response toResponse(TooManyRequestsException e) {
            return tooMany(e);
        }
    }

    static Response tooMany(TooManyRequestsException e) {
        return Response.fromResponse(Problem.response(Status.TOO_MANY_REQUESTS, e.getMessage()))
                .header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Problem.response(Status.NOT_FOUND, e.getMessage());
        }
    }

    /** JAX-RS' own errors keep their status; a missing login becomes 401, a missing role 403. */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        SecurityContext security;

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof ForbiddenException && security.getUserPrincipal() == null) {
                return Problem.response(Status.UNAUTHORIZED, "Log in first: send a bearer token from POST /api/v1/auth/token.");
            }
            if (e instanceof ForbiddenException) {
                return Problem.response(Status.FORBIDDEN, "Your role may not do this.");
            }
            Response.StatusType status = e.getResponse().getStatusInfo();
            return Problem.response(status, status.getStatusCode() == 404 ? "No such resource." : e.getMessage());
        }
    }

    /** Application exceptions arrive wrapped when an EJB throws them as system exceptions. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Exception e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof InvalidRequestException invalid) {
                return Problem.response(Status.BAD_REQUEST, invalid.getMessage());
            }
            if (cause instanceof NotFoundException notFound) {
                return Problem.response(Status.NOT_FOUND, notFound.getMessage());
            }
            if (cause instanceof SendRefusedException refused) {
                return Problem.response(Status.CONFLICT, refused.getMessage());
            }
            if (cause instanceof TooManyRequestsException tooMany) {
                return tooMany(tooMany);
            }
            LOG.log(Level.SEVERE, "Unexpected error answering an API request", e);
            return Problem.response(Status.INTERNAL_SERVER_ERROR,
                    "Conversa could not complete the request; the error was logged.");
        }
    }
}
