package io.conversa.interfaces.rest;

import io.conversa.application.AuditTrail;
import io.conversa.application.InvalidRequestException;
import io.conversa.domain.model.account.Role;
import io.conversa.domain.model.audit.AuditEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins read the audit trail and check that no one has altered it. */
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Role.ADMIN)
public class AuditResource {

    @Inject
    AuditTrail trail;

    /** A page of the trail, newest first; pass the last line's id as {@code before} for the next page. */
    public record AuditPage(List<AuditEntry> entries, Long next) {
    }

    @GET
    public AuditPage list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("target") String target, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<AuditEntry> entries = trail.list(new AuditTrail.Filter(actor, action, target, instant("from", from),
                instant("to", to), before, limit + 1));
        boolean more = entries.size() > limit;
        List<AuditEntry> page = more ? entries.subList(0, limit) : entries;
        return new AuditPage(page, more ? page.get(page.size() - 1).id() : null);
    }

    @GET
    @Path("verify")
    public AuditTrail.Verification verify() {
        return trail.verify();
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z.");
        }
    }
}
