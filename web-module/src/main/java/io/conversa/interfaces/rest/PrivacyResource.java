package io.conversa.interfaces.rest;

import io.conversa.application.Caller;
import io.conversa.application.PersonalData;
import io.conversa.application.PhoneNumber;
import io.conversa.domain.model.account.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A person's rights over their data (GDPR articles 15 and 17): a copy of everything held about a
 * number, and its erasure. A user acts for their own number; an admin for any number.
 */
@Path("privacy")
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed({Role.ADMIN, Role.USER})
public class PrivacyResource {

    @Inject
    PersonalData personalData;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    /** {@code phone} may be left out by a user: their own number. */
    public record Subject(String phone) {
    }

    @POST
    @Path("export")
    @Produces("application/zip")
    public Response export(Subject subject) {
        PhoneNumber number = subjectOf(subject);
        StreamingOutput zip = out -> personalData.export(number, out);
        return Response.ok(zip).header("Content-Disposition", "attachment; filename=\"conversa-" + number.waId() + ".zip\"").build();
    }

    @POST
    @Path("erase")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> erase(Subject subject) {
        PhoneNumber number = subjectOf(subject);
        return Map.of("phone", number.e164(), "erasedMessages", personalData.erase(number, Callers.of(security),
                request.getRemoteAddr()));
    }

    private PhoneNumber subjectOf(Subject subject) {
        Caller caller = Callers.of(security);
        String phone = subject == null || subject.phone() == null ? caller.name() : subject.phone();
        PhoneNumber number = PhoneNumber.parse(phone);
        if (!PersonalData.mayActFor(caller, number)) {
            throw new ForbiddenException("Only an admin acts for another number.");
        }
        return number;
    }
}
