package io.conversa.interfaces.rest;

import io.conversa.interfaces.security.CallerAuthentication;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses (403) a call made with an integrator's API token that lacks the scope the endpoint names
 * by {@link RequiresScope}, or to an endpoint that names none. Other callers pass untouched: their
 * roles alone decide.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ScopeFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        @SuppressWarnings("unchecked")
        Set<String> scopes = (Set<String>) request.getAttribute(CallerAuthentication.API_SCOPES);
        if (scopes == null) {
            return;
        }
        RequiresScope required = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(RequiresScope.class);
        }
        if (required == null) {
            context.abortWith(Problem.response(Status.FORBIDDEN, "API tokens may not call this endpoint."));
        } else if (!scopes.contains(required.value().value())) {
            context.abortWith(Problem.response(Status.FORBIDDEN, "This API token lacks the scope '" + required.value().value() + "'."));
        }
    }
}
