package io.conversa.application;

import io.conversa.infrastructure.persistence.MessageRow;
import jakarta.json.Json;
import java.util.List;

/** A poll's options as the message's JSON metadata; other messages carry none. */
final class PollOptions {

    private PollOptions() {
    }

    static String json(List<String> options) {
        if (options == null || options.isEmpty()) {
            return null;
        }
        var array = Json.createArrayBuilder();
        // A JSON "\u0000" is refused by jsonb as by text columns.
        options.forEach(option -> array.add(MessageRow.storable(option)));
        return Json.createObjectBuilder().add("pollOptions", array).build().toString();
    }
}
