package io.conversa.interfaces.rest;

import io.conversa.application.ApiScope;
import io.conversa.application.ExportInspections;
import io.conversa.domain.model.account.Role;
import io.conversa.interfaces.export.ExportSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Look inside an export before importing it: format, date order and why, authors, media, warnings. */
@Path("exports")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RequiresScope(ApiScope.CONVERSATIONS_IMPORT)
@RolesAllowed({Role.ADMIN, Role.ANALYST, Role.INTEGRATOR, Role.USER})
public class ExportResource {

    @Inject
    ExportInspections inspections;

    /** The same multipart fields as an import ("file", optional "timezone" and "dateOrder"); nothing is stored. */
    @POST
    @Path("inspect")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ExportSummary inspect(List<EntityPart> parts) throws IOException {
        ImportForm form = ImportForm.of(parts);
        try (InputStream content = form.file().getContent()) {
            return inspections.inspect(form.file().getFileName().orElse(null), content, form.zone(), form.dateOrder());
        }
    }
}
