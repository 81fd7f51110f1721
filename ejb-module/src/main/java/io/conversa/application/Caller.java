package io.conversa.application;

import io.conversa.domain.model.account.Role;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Who is asking, as the interfaces authenticated them: decides what they may see. */
public record Caller(String name, Set<String> roles) {

    /** The caller named {@code name} with each of Conversa's roles the container says they hold. */
    public static Caller of(String name, Predicate<String> holdsRole) {
        return new Caller(name, Arrays.stream(Role.values()).map(Role::name).filter(holdsRole)
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isStaffReader() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.ANALYST) || roles.contains(Role.INTEGRATOR);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
