package io.conversa.interfaces.rest;

import io.conversa.application.ApiScope;
import io.conversa.application.Caller;
import io.conversa.application.MessageSearch;
import io.conversa.application.SearchRequest;
import io.conversa.domain.model.account.Role;
import io.conversa.infrastructure.cache.SearchCache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Full-text search over the messages the caller may read. Answers are cached for 15 minutes per
 * caller scope (staff share one, each user has their own); {@code X-Conversa-Cache} says hit or miss.
 */
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RequiresScope(ApiScope.SEARCH)
@RolesAllowed({Role.ADMIN, Role.ANALYST, Role.INTEGRATOR, Role.USER})
public class SearchResource {

    @Inject
    MessageSearch search;

    @Inject
    SearchCache cache;

    @Context
    SecurityContext security;

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    /**
     * {@code {"query": "pizza \"see you\" -tomorrow OR later", "conversations": [...], "participants": [...],
     * "from": "2024-01-01T00:00:00Z", "to": ..., "types": ["TEXT"], "languages": ["en"], "sentiment": "positive",
     * "order": "relevance" | "time", "limit": 20, "after": "<next of the previous page>"}}
     */
    @POST
    public Response search(SearchRequest request) {
        if (request == null) {
            return Problem.response(Response.Status.BAD_REQUEST, "Send a JSON body with at least a \"query\".");
        }
        Caller caller = Callers.of(security);
        String scope = caller.isStaffReader() ? "staff" : "user:" + caller.name();
        String key = JSON.toJson(request);
        var cached = cache.get(scope, key);
        if (cached.answer().isPresent()) {
            return Response.ok(cached.answer().get()).header("X-Conversa-Cache", "hit").build();
        }
        String answer = JSON.toJson(search.search(caller, request));
        cache.put(cached, answer);
        return Response.ok(answer).header("X-Conversa-Cache", "miss").build();
    }
}
