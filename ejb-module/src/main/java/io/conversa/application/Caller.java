package io.conversa.application;

import io.conversa.domain.model.account.Role;
import java.util.Set;

/** Who is asking, as the interfaces authenticated them: decides what they may see. */
public record Caller(String name, Set<String> roles) {

    public boolean isStaffReader() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.ANALYST) || roles.contains(Role.INTEGRATOR);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
