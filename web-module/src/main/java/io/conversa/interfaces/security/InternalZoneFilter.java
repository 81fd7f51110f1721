package io.conversa.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 404 for the internal zone's paths (admin pages, admin API, webhook) when they arrive on
 * the public port while CONVERSA_INTERNAL_HTTP_PORT is set; the request goes no further, so a
 * webhook POST on the public port stores nothing. See {@link Zones}. The admin pages, which need a
 * login, are answered 404 earlier by {@link CallerAuthentication} (filters run after authentication).
 */
@WebFilter(urlPatterns = "/*")
public class InternalZoneFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "CONVERSA_INTERNAL_HTTP_PORT")
    Optional<Integer> internalPort;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (new Zones(internalPort.orElse(null)).hides(path, request.getLocalPort())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
