package io.conversa.application;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an integrator's API token may do. A token carries a set of these; an endpoint that integrators
 * use names the one it needs, and a scoped token is refused everywhere else.
 */
public enum ApiScope {
    CONVERSATIONS_READ("conversations:read"),
    CONVERSATIONS_IMPORT("conversations:import"),
    MESSAGES_SEND("messages:send"),
    SEARCH("search");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ApiScope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
