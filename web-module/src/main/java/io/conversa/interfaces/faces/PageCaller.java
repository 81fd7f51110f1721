package io.conversa.interfaces.faces;

import io.conversa.application.Caller;
import io.conversa.domain.model.account.Role;
import jakarta.security.enterprise.SecurityContext;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The application's view of whoever is signed in to the admin pages. */
final class PageCaller {

    private PageCaller() {
    }

    static Caller of(SecurityContext security) {
        return new Caller(security.getCallerPrincipal().getName(), Arrays.stream(Role.values()).map(Role::name)
                .filter(security::isCallerInRole).collect(Collectors.toUnmodifiableSet()));
    }
}
