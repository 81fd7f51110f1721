package io.conversa.interfaces.rest;

import io.conversa.application.ConversationQueries;
import io.conversa.domain.model.account.Role;
import io.conversa.interfaces.batch.NlpReruns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins re-run NLP enrichment (after a lexicon or model change) for one conversation or all, and follow it. */
@Path("admin/nlp")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Role.ADMIN)
public class NlpResource {

    /** The request: {@code conversationId} to redo one conversation; absent (or no body) to redo every conversation. */
    public record RerunRequest(UUID conversationId) {
    }

    @Inject
    NlpReruns reruns;

    @Inject
    ConversationQueries conversations;

    @Context
    SecurityContext security;

    @POST
    @Path("rerun")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rerun(RerunRequest request) throws SQLException {
        UUID conversation = request == null ? null : request.conversationId();
        if (conversation != null) {
            conversations.get(Callers.of(security), conversation); // 404 for an unknown or unready conversation
        }
        long id = reruns.start(conversation);
        return Response.accepted(reruns.progress(id)).build();
    }

    @GET
    @Path("rerun/{executionId}")
    public Response progress(@PathParam("executionId") long executionId) throws SQLException {
        try {
            NlpReruns.Progress p = reruns.progress(executionId);
            return p == null ? Problem.response(Status.NOT_FOUND, "Execution " + executionId + " is not an NLP rerun.")
                    : Response.ok(p).build();
        } catch (NoSuchJobExecutionException e) {
            return Problem.response(Status.NOT_FOUND, "No batch execution " + executionId + ".");
        }
    }
}
