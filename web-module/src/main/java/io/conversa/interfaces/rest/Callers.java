package io.conversa.interfaces.rest;

import io.conversa.application.Caller;
import jakarta.ws.rs.core.SecurityContext;

/** Builds the application's view of the caller from the authenticated request. */
final class Callers {

    private Callers() {
    }

    static Caller of(SecurityContext security) {
        return Caller.of(security.getUserPrincipal().getName(), security::isUserInRole);
    }
}
