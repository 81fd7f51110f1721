package io.conversa.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every API call a request id for tracing: the caller's {@code X-Request-Id} when it is a
 * plain token (letters, digits, {@code . _ -}, at most 64), otherwise a new UUID, so no one can
 * inject text into the logs through it. The authentication mechanism assigns it first (so a 401 has
 * one too, see {@code CallerAuthentication}); this filter echoes it and the audit filter logs it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    /** Request attribute holding the id, for the audit filter. */
    public static final String ATTRIBUTE = "io.conversa.requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext call) {
        if (request.getAttribute(ATTRIBUTE) == null) {
            request.setAttribute(ATTRIBUTE, idFor(call.getHeaderString(HEADER)));
        }
    }

    @Override
    public void filter(ContainerRequestContext call, ContainerResponseContext answer) {
        Object id = request.getAttribute(ATTRIBUTE);
        answer.getHeaders().putSingle(HEADER, id != null ? id : idFor(null));
    }

    /** The caller's id when acceptable, else a new one. */
    public static String idFor(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
