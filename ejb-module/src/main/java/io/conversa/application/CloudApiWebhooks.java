package io.conversa.application;

import io.conversa.infrastructure.persistence.StorableJson;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Stores what one verified Cloud API webhook body says: every change of every entry. Messages,
 * statuses, the business's echoes and coexistence history go to {@link CloudApiStore}; other fields
 * are kept as channel events. Unknown types and
 * fields are stored as such and logged, never refused.
 */
@Stateless
public class CloudApiWebhooks {

    private static final Logger LOG = Logger.getLogger(CloudApiWebhooks.class.getName());

    @Inject
    CloudApiStore store;

    public void process(String body) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(StorableJson.of(body)))) {
            root = reader.readObject();
        }
        for (JsonValue entry : root.getJsonArray("entry")) {
            for (JsonValue change : entry.asJsonObject().getJsonArray("changes")) {
                handle(change.asJsonObject());
            }
        }
    }

    private void handle(JsonObject change) {
        String field = change.getString("field", "");
        JsonObject value = change.getJsonObject("value");
        String phoneNumberId = value.containsKey("metadata")
                ? value.getJsonObject("metadata").getString("phone_number_id", null) : null;
        switch (field) {
            case "messages" -> messages(phoneNumberId, value);
            case "smb_message_echoes" -> value.getOrDefault("message_echoes", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()
                    .forEach(echo -> store.echo(phoneNumberId, echo.asJsonObject()));
            case "history" -> history(phoneNumberId, value);
            default -> {
                LOG.info(() -> "Webhook field '" + field + "' kept as a channel event");
                store.channelEvent(phoneNumberId, field, value);
            }
        }
    }

    private void messages(String phoneNumberId, JsonObject value) {
        Map<String, String> names = new HashMap<>();
        for (JsonValue contact : value.getOrDefault("contacts", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            JsonObject c = contact.asJsonObject();
            names.put(c.getString("wa_id", ""), c.containsKey("profile") ? c.getJsonObject("profile").getString("name", null) : null);
        }
        for (JsonValue message : value.getOrDefault("messages", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            JsonObject m = message.asJsonObject();
            store.inbound(phoneNumberId, names.get(m.getString("from", "")), m);
        }
        for (JsonValue status : value.getOrDefault("statuses", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            store.status(status.asJsonObject());
        }
    }

    /**
     * Coexistence history: past threads of a number that also uses the WhatsApp Business app, in
     * chunks, plus (as {@code messages[]}) the content of media messages first sent as placeholders.
     * A history Meta could not share (errors) is kept as a channel event.
     */
    private void history(String phoneNumberId, JsonObject value) {
        String businessNumber = value.getJsonObject("metadata").getString("display_phone_number", "");
        for (JsonValue chunk : value.getOrDefault("history", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            JsonObject part = chunk.asJsonObject();
            if (part.containsKey("errors")) {
                LOG.info("History sync refused by the business; kept as a channel event");
                store.channelEvent(phoneNumberId, "history", value);
            }
            for (JsonValue thread : part.getOrDefault("threads", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
                String contact = thread.asJsonObject().getString("id");
                thread.asJsonObject().getOrDefault("messages", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()
                        .forEach(m -> store.history(phoneNumberId, businessNumber, contact, m.asJsonObject()));
            }
        }
        for (JsonValue media : value.getOrDefault("messages", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            store.inbound(phoneNumberId, null, media.asJsonObject());
        }
    }
}
