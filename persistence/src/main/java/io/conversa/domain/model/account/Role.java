package io.conversa.domain.model.account;

/**
 * What an account may do. Stored and exposed in lower case because the names are also
 * the security role and JWT group names.
 */
public enum Role {
    admin,
    analyst,
    user,
    integrator;

    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst";
    public static final String USER = "user";
    public static final String INTEGRATOR = "integrator";
}
