package io.conversa.infrastructure.whatsapp;

import jakarta.json.JsonObject;
import java.util.Set;

/**
 * An error answer of the Graph API, {@code {"error":{"message","type","code","error_data":{"details"}}}}.
 * Transient ones (overload, throughput, server errors) are worth another try; the others are
 * refusals that no retry changes.
 */
public class GraphApiError extends RuntimeException {

    /** Throughput (130429), pair rate (131056), "too many calls" (4, 80007), unknown or temporary errors (131000, 131016, 133004). */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(4, 80007, 130429, 131056, 131000, 131016, 133004);

    private final int httpStatus;
    private final Integer code;
    private final String title;

    public GraphApiError(int httpStatus, Integer code, String title) {
        super("Graph API answered " + httpStatus + (code == null ? "" : " with error " + code) + (title == null ? "" : ": " + title));
        this.httpStatus = httpStatus;
        this.code = code;
        this.title = title;
    }

    static GraphApiError of(int httpStatus, JsonObject body) {
        JsonObject error = body == null ? null : body.getJsonObject("error");
        if (error == null) {
            return new GraphApiError(httpStatus, null, null);
        }
        Integer code = error.containsKey("code") ? error.getInt("code") : null;
        JsonObject data = error.getJsonObject("error_data");
        String details = data == null ? null : data.getString("details", null);
        return new GraphApiError(httpStatus, code, details != null ? details : error.getString("message", null));
    }

    public boolean isTransient() {
        return httpStatus >= 500 || httpStatus == 429 || code != null && TRANSIENT_CODES.contains(code);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Integer code() {
        return code;
    }

    public String title() {
        return title;
    }
}
