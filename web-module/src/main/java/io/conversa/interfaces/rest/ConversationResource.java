package io.conversa.interfaces.rest;

import io.conversa.application.ApiScope;
import io.conversa.application.CloudApiFacts;
import io.conversa.application.ConversationInsights;
import io.conversa.application.AnalyticsPeriod;
import io.conversa.application.AnalyticsReports;
import io.conversa.application.ConversationQueries;
import io.conversa.application.ImportAccepted;
import io.conversa.application.ImportService;
import io.conversa.application.MessageCursor;
import io.conversa.application.MessagePage;
import io.conversa.application.Outbound;
import io.conversa.domain.model.account.Role;
import io.conversa.infrastructure.storage.ObjectStorage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Conversations: import an export, list them, read one, page through its messages, see its analytics. */
@Path("conversations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RequiresScope(ApiScope.CONVERSATIONS_READ)
@RolesAllowed({Role.ADMIN, Role.ANALYST, Role.INTEGRATOR, Role.USER})
public class ConversationResource {

    /**
     * A conversation's id, a UUID: only such a segment names a conversation, so that a method the API does
     * not have on a fixed path (GET on {@code import}) is answered 405, not 404 for a conversation "import".
     */
    private static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @Inject
    ImportService imports;

    @Inject
    ConversationQueries conversations;

    @Inject
    Outbound outbound;

    @Inject
    CloudApiFacts facts;

    @Inject
    ObjectStorage storage;

    /** Long enough to open a file, short enough that a leaked link soon stops working. */
    private static final Duration MEDIA_LINK_LIFETIME = Duration.ofMinutes(10);

    @Inject
    AnalyticsReports analytics;

    @Inject
    AnalyticsAnswers analyticsAnswers;

    @Context
    SecurityContext security;

    /**
     * Accepts a .txt or .zip export (multipart field "file"; optional "timezone", an IANA zone, and
     * "dateOrder", DAY_MONTH_YEAR, MONTH_DAY_YEAR or YEAR_MONTH_DAY for exports whose dates cannot tell,
     * and "conversationId", one of the caller's imported conversations to merge a later export into)
     * and queues its import.
     */
    @POST
    @Path("import")
    @RequiresScope(ApiScope.CONVERSATIONS_IMPORT)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importExport(List<EntityPart> parts) throws IOException {
        ImportForm form = ImportForm.of(parts);
        try (InputStream content = form.file().getContent()) {
            ImportAccepted accepted = imports.accept(Callers.of(security), form.file().getFileName().orElse(null), content,
                    form.zone(), form.dateOrder(), form.conversationId());
            return Response.accepted(accepted).build();
        }
    }

    @GET
    public List<ConversationView> list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return conversations.list(Callers.of(security), limit).stream().map(ConversationView::of).toList();
    }

    @GET
    @Path(ID)
    public ConversationDetail get(@PathParam("id") UUID id) {
        var caller = Callers.of(security);
        return ConversationDetail.of(conversations.get(caller, id), conversations.participants(caller, id));
    }

    /** Keyset paging: pass the previous page's {@code next} as {@code after}. */
    @GET
    @Path(ID + "/messages")
    public MessagePageView messages(@PathParam("id") UUID id, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        MessageCursor cursor = after == null || after.isBlank() ? null : MessageCursor.decode(after);
        MessagePage page = conversations.messages(Callers.of(security), id, cursor, limit);
        List<String> waMessageIds = page.messages().stream().map(m -> m.waMessageId()).filter(w -> w != null).toList();
        return MessagePageView.of(page, facts.summaries(waMessageIds));
    }

    /**
     * The conversation's analytics, shaped for charts: {@code ?from=2024-01-01&to=2024-12-31&granularity=hour|day|week|month}
     * (days in the chat's wall time). Carries an ETag; computed by the analytics job every 15 minutes.
     */
    @GET
    @Path(ID + "/analytics")
    public Response analytics(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity, @Context Request request) throws Exception {
        var caller = Callers.of(security);
        conversations.get(caller, id);
        AnalyticsPeriod period = AnalyticsPeriod.of(from, to, granularity);
        return analyticsAnswers.answer(request, id.toString(), period.key(),
                () -> analytics.conversation(caller, id, period).toString());
    }

    /** What NLP found in the conversation: enriched count, languages, emotions, keywords per period, topics. */
    @GET
    @Path(ID + "/nlp")
    public ConversationInsights nlp(@PathParam("id") UUID id) {
        return conversations.insights(Callers.of(security), id);
    }

    /**
     * Sends a message to the contact of a Cloud API conversation through the outbound queue; answers
     * 202 with the queued send, whose progress {@code GET /api/v1/outbound/{id}} shows.
     */
    @POST
    @Path(ID + "/messages")
    @RequiresScope(ApiScope.MESSAGES_SEND)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN, Role.INTEGRATOR})
    public Response send(@PathParam("id") UUID id, SendForm form) {
        OutboundView queued = OutboundView.of(outbound.send(Callers.of(security), id, SendForm.outgoingOf(form)));
        return Response.accepted(queued).location(URI.create("/api/v1/outbound/" + queued.id())).build();
    }

    /** The media files of the conversation (from zip exports and Cloud API messages), with what is known of each. */
    @GET
    @Path(ID + "/media")
    public List<MediaView> media(@PathParam("id") UUID id) {
        return conversations.media(Callers.of(security), id).stream()
                .map(o -> MediaView.of(o, o.stored() ? storage.presignedGet(o.objectKey(), MEDIA_LINK_LIFETIME) : null)).toList();
    }

    /** The file names the conversation's messages attach that no stored file carries (the job counts them as mediaMissing). */
    @GET
    @Path(ID + "/media/missing")
    public List<String> missingMedia(@PathParam("id") UUID id) {
        return conversations.missingMedia(Callers.of(security), id);
    }
}
