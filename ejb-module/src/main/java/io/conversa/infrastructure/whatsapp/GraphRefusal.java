package io.conversa.infrastructure.whatsapp;

/** A Graph API answer that another try will not change (a bad request, a closed window, an unknown number). */
public class GraphRefusal extends RuntimeException {

    private final transient GraphApiError error;

    GraphRefusal(GraphApiError error) {
        super(error.getMessage(), error);
        this.error = error;
    }

    public Integer code() {
        return error.code();
    }

    public String reason() {
        return error.title() != null ? error.title() : error.getMessage();
    }
}
