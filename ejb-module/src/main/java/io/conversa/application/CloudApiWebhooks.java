package io.conversa.application;

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
 * Stores what one verified Cloud API webhook body says: every change of every entry. Messages and
 * statuses go to {@link CloudApiStore}; other fields are kept as channel events. Unknown types and
 * fields are stored as such and logged, never refused.
 */
@Stateless
public class CloudApiWebhooks {

    private static final Logger LOG = Logger.getLogger(CloudApiWebhooks.class.getName());

    @Inject
    CloudApiStore store;

    public void process(String body) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
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
        if (!field.equals("messages")) {
            LOG.info(() -> "Webhook field '" + field + "' kept as a channel event");
            store.channelEvent(phoneNumberId, field, value);
            return;
        }
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
}
