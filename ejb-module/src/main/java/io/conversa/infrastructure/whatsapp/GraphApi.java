package io.conversa.infrastructure.whatsapp;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The two Graph API calls Conversa makes, relative to the versioned base URL (CONVERSA_WHATSAPP_GRAPH_URL),
 * each with the access token of the channel it is made for ({@code "Bearer <token>"}).
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface GraphApi {

    /** Sends a message (or marks one read); answers {@code {"messages":[{"id":"wamid..."}]}} or {@code {"success":true}}. */
    @POST
    @Path("{phoneNumberId}/messages")
    JsonObject send(@HeaderParam("Authorization") String bearer, @PathParam("phoneNumberId") String phoneNumberId, JsonObject body);

    /** Where a media id can be downloaded for the next few minutes: {@code {"url","mime_type","sha256","file_size","id"}}. */
    @GET
    @Path("{mediaId}")
    JsonObject media(@HeaderParam("Authorization") String bearer, @PathParam("mediaId") String mediaId);
}
