package io.conversa.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses (400) a multipart body whose Content-Type names no boundary: the multipart reader would fail on it
 * with a plain IOException, which reads as the server's own failure (500).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class MultipartBoundaryCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext context) {
        MediaType type = context.getMediaType();
        if (type != null && type.getType().equalsIgnoreCase("multipart") && !type.getParameters().containsKey("boundary")) {
            context.abortWith(Problem.response(Status.BAD_REQUEST, "A multipart body needs a boundary in its Content-Type,"
                    + " such as 'multipart/form-data; boundary=...'."));
        }
    }
}
