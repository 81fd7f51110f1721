package io.conversa.application;

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
        options.forEach(array::add);
        return Json.createObjectBuilder().add("pollOptions", array).build().toString();
    }
}
