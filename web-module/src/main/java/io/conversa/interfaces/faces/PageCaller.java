package io.conversa.interfaces.faces;

import io.conversa.application.Caller;
import jakarta.security.enterprise.SecurityContext;

/** The application's view of whoever is signed in to the admin pages. */
final class PageCaller {

    private PageCaller() {
    }

    static Caller of(SecurityContext security) {
        return Caller.of(security.getCallerPrincipal().getName(), security::isCallerInRole);
    }
}
