package io.conversa.interfaces.rest;

import io.conversa.application.ApiScope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an integrator's API token needs to call this endpoint (on top of its roles). Endpoints
 * without it refuse every scoped token: an integrator token reaches only what was meant for it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
    ApiScope value();
}
