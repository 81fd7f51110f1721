package io.conversa.interfaces.rest;

import io.conversa.domain.model.account.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The integrators' and users' API; callers authenticate with a bearer JWT from POST /auth/token. */
@ApplicationPath("/api/v1")
@DeclareRoles({Role.ADMIN, Role.ANALYST, Role.USER, Role.INTEGRATOR})
@OpenAPIDefinition(info = @Info(title = "Conversa API", version = "1",
        description = "Import, read and search WhatsApp conversations.",
        license = @License(name = "AGPL-3.0", url = "https://www.gnu.org/licenses/agpl-3.0.txt")))
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class RestApplication extends Application {
}
