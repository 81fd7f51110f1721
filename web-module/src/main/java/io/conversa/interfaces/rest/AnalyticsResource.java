package io.conversa.interfaces.rest;

import io.conversa.application.ApiScope;
import io.conversa.application.AnalyticsPeriod;
import io.conversa.application.AnalyticsReports;
import io.conversa.application.Caller;
import io.conversa.domain.model.account.Role;
import io.conversa.infrastructure.cache.AnalyticsCache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Analytics across every conversation the caller may read, shaped for charts. */
@Path("analytics")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RequiresScope(ApiScope.CONVERSATIONS_READ)
@RolesAllowed({Role.ADMIN, Role.ANALYST, Role.INTEGRATOR, Role.USER})
public class AnalyticsResource {

    @Inject
    AnalyticsReports reports;

    @Inject
    AnalyticsAnswers answers;

    @Context
    SecurityContext security;

    /** {@code ?from=2024-01-01&to=2024-12-31&granularity=hour|day|week|month} (days in the chats' wall time). */
    @GET
    @Path("overview")
    public Response overview(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity, @Context Request request) throws Exception {
        Caller caller = Callers.of(security);
        AnalyticsPeriod period = AnalyticsPeriod.of(from, to, granularity);
        String scope = caller.isStaffReader() ? "staff" : "user:" + caller.name();
        return answers.answer(request, AnalyticsCache.overview(), scope + ":" + period.key(),
                () -> reports.overview(caller, period).toString());
    }
}
