package io.conversa.interfaces.rest;

import io.conversa.application.AuditTrail;
import io.conversa.application.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes every API call to the audit trail once it is answered: who (account and roles), what
 * (the endpoint's path template), about what (its path parameters), the answer's status, and from
 * which address. Refused calls are recorded as well as granted ones.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class.getName());
    /** A path parameter with a pattern; the pattern runs to the segment's last '}', braces of its own included. */
    private static final Pattern PARAMETER_PATTERN = Pattern.compile("\\{(\\w+)\\s*:[^/]*}");

    @Inject
    AuditTrail trail;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext call, ContainerResponseContext answer) {
        var principal = call.getSecurityContext().getUserPrincipal();
        String roles = principal == null ? null
                : Caller.of(principal.getName(), call.getSecurityContext()::isUserInRole).roles().stream().sorted()
                        .collect(Collectors.joining(","));
        String action = call.getMethod() + " " + endpoint(call);
        try {
            trail.record(principal == null ? null : principal.getName(), roles, action,
                    target(call.getUriInfo().getPathParameters()), Integer.toString(answer.getStatus()), request.getRemoteAddr());
        } catch (RuntimeException e) {
            // The answer is decided already; a lost audit line must at least be loud.
            LOG.log(Level.SEVERE, "Could not write the audit line of " + action, e);
        }
        // The access log names the call by its request id and template only: no ids, numbers or bodies.
        LOG.info(() -> "request " + request.getAttribute(RequestIds.ATTRIBUTE) + " " + action + " " + answer.getStatus());
    }

    /** {@code /api/v1/conversations/{id}/messages}: the template, not the ids, so that actions group. */
    private String endpoint(ContainerRequestContext call) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return "/api/v1/" + call.getUriInfo().getPath();
        }
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path path = method.getAnnotation(Path.class);
        return "/api/v1/" + (type == null ? "" : withoutPatterns(type.value())) + (path == null ? "" : "/" + withoutPatterns(path.value()));
    }

    /** {@code {id: [0-9a-f]{8}-...}} is written {@code {id}}: the trail's actions keep their names when a pattern is added. */
    private static String withoutPatterns(String template) {
        return PARAMETER_PATTERN.matcher(template).replaceAll("{$1}");
    }

    private static String target(MultivaluedMap<String, String> parameters) {
        if (parameters.isEmpty()) {
            return null;
        }
        return new TreeMap<>(parameters).entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue() == null ? List.of() : e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
