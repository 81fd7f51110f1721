package io.conversa.interfaces.rest;

import io.conversa.application.Caller;
import io.conversa.domain.model.account.Role;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Builds the application's view of the caller from the authenticated request. */
final class Callers {

    private Callers() {
    }

    static Caller of(SecurityContext security) {
        return new Caller(security.getUserPrincipal().getName(), Arrays.stream(Role.values())
                .map(Role::name)
                .filter(security::isUserInRole)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
