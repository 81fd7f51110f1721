package io.conversa.interfaces.rest;

import io.conversa.application.ImportRunningException;
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

    /**
     * Every other failure. Conversa's own exceptions say what went wrong and get their status here,
     * whether they come straight from a resource or wrapped by an EJB that threw them; the rest is a
     * logged 500 that says nothing of the internals.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Exception e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof InvalidRequestException) {
                return Problem.response(Status.BAD_REQUEST, cause.getMessage());
            }
            if (cause instanceof UploadTooLargeException) {
                return Problem.response(Status.REQUEST_ENTITY_TOO_LARGE, cause.getMessage());
            }
            if (cause instanceof NotFoundException) {
                return Problem.response(Status.NOT_FOUND, cause.getMessage());
            }
            if (cause instanceof SendRefusedException || cause instanceof ImportRunningException) {
                return Problem.response(Status.CONFLICT, cause.getMessage());
            }
            if (cause instanceof TooManyRequestsException tooMany) {
                return Response.fromResponse(Problem.response(Status.TOO_MANY_REQUESTS, tooMany.getMessage()))
                        .header("Retry-After", Math.max(1, tooMany.retryAfter().toSeconds())).build();
            }
            LOG.log(Level.SEVERE, "Unexpected error answering an API request", e);
            return Problem.response(Status.INTERNAL_SERVER_ERROR,
                    "Conversa could not complete the request; the error was logged.");
        }
    }
}
