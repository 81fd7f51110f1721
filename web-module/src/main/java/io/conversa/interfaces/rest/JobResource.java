package io.conversa.interfaces.rest;

import io.conversa.application.ApiScope;
import io.conversa.application.JobQueries;
import io.conversa.domain.model.account.Role;
import io.conversa.domain.model.job.Job;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Follow a background job: status, progress and, when it failed, why. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RequiresScope(ApiScope.CONVERSATIONS_IMPORT)
@RolesAllowed({Role.ADMIN, Role.ANALYST, Role.INTEGRATOR, Role.USER})
public class JobResource {

    @Inject
    JobQueries jobs;

    @Context
    SecurityContext security;

    /**
     * A job's state. {@code messages} counts the export's messages dealt with so far (those of the batches
     * committed; all once it SUCCEEDED): of those, {@code messagesNew} were stored and {@code messagesSkipped}
     * were already there (a re-import, {@code merged}), {@code messagesGivenFiles} of them without the file
     * this export holds, which they now have, and {@code messagesEdited} as they were before the edit it shows,
     * which they now show; {@code messagesIndexed} of the new ones are searchable
     * so far (indexing ends before SUCCEEDED). A FAILED job kept nothing: new, skipped and indexed are 0.
     */
    public record JobView(UUID id, String kind, String status, UUID conversationId, String fileName,
            Long bytesTotal, long bytesDone, int messages, int messagesNew, int messagesSkipped, int messagesGivenFiles, int messagesEdited, int messagesIndexed,
            boolean merged,
            int participants, int mediaStored, int mediaMissing, String error,
            Instant createdAt, Instant startedAt, Instant finishedAt) {

        static JobView of(Job j) {
            return new JobView(j.id(), j.kind(), j.status().name(), j.conversationId(), j.sourceName(),
                    j.bytesTotal(), j.bytesDone(), j.messagesDone(), j.messagesNew(), j.messagesSkipped(), j.messagesGivenFiles(), j.messagesEdited(),
                    j.messagesIndexed(), j.merged(),
                    j.participants(), j.mediaStored(), j.mediaMissing(), j.error(),
                    j.createdAt(), j.startedAt(), j.finishedAt());
        }
    }

    @GET
    @Path("{id}")
    public JobView get(@PathParam("id") UUID id) {
        return JobView.of(jobs.get(Callers.of(security), id));
    }
}
