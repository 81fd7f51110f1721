package io.conversa.interfaces.export;

import io.conversa.interfaces.export.ExportSummary.Moment;
import io.conversa.interfaces.export.ExportSummary.Warning;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link ExportSummary}, or the reason an export is unreadable, as indented JSON. Written
 * by hand because the parser's package depends on nothing beyond the JDK; null fields are written as
 * null so that every summary has the same keys.
 */
final class ExportSummaryJson {

    private static final String INDENT = "  ";

    private final StringBuilder json = new StringBuilder();
    private int depth;
    private boolean firstInContainer = true;

    private ExportSummaryJson() {
    }

    static String of(ExportSummary summary) {
        ExportSummaryJson out = new ExportSummaryJson();
        out.open('{');
        out.field("chatEntry", summary.chatEntry());
        out.field("platform", summary.platform());
        out.field("layout", summary.layout());
        out.field("dateOrder", summary.dateOrder());
        out.field("orderSource", summary.orderSource());
        out.field("orderReason", summary.orderReason());
        out.field("timeZone", summary.timeZone());
        out.field("messages", summary.messages());
        out.field("systemMessages", summary.systemMessages());
        out.field("authors", summary.authors());
        out.field("kinds", summary.kinds());
        out.moment("first", summary.first());
        out.moment("last", summary.last());
        out.name("media");
        out.open('{');
        out.field("referenced", summary.media().referenced());
        out.field("found", summary.media().found());
        out.field("missing", summary.media().missing());
        out.close('}');
        out.name("warnings");
        out.open('[');
        for (Warning warning : summary.warnings()) {
            out.separate();
            out.open('{');
            out.field("line", warning.line());
            out.field("message", warning.message());
            out.close('}');
        }
        out.close(']');
        out.field("warningCount", summary.warningCount());
        out.close('}');
        return out.json.toString();
    }

    /** {@code {"error": reason}}. */
    static String error(String reason) {
        ExportSummaryJson out = new ExportSummaryJson();
        out.open('{');
        out.field("error", reason);
        out.close('}');
        return out.json.toString();
    }

    private void moment(String name, Moment moment) {
        if (moment == null) {
            field(name, null);
            return;
        }
        name(name);
        open('{');
        field("line", moment.line());
        // As the API's JSON writes it: with seconds, also when they are zero (LocalDateTime.toString drops them).
        field("localTime", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(moment.localTime()));
        field("sentAt", moment.sentAt());
        close('}');
    }

    /** A field whose value is null, a number, a map, a list, or anything else written as its string. */
    private void field(String name, Object value) {
        name(name);
        if (value instanceof Map<?, ?> map) {
            open('{');
            map.forEach((key, entry) -> field(key.toString(), entry));
            close('}');
        } else if (value instanceof List<?> list) {
            open('[');
            list.forEach(item -> {
                separate();
                scalar(item);
            });
            close(']');
        } else {
            scalar(value);
        }
    }

    private void scalar(Object value) {
        if (value == null || value instanceof Number) {
            json.append(value);
        } else {
            quote(value.toString());
        }
    }

    private void name(String name) {
        separate();
        quote(name);
        json.append(": ");
    }

    /** Starts an item of the open object or array: a comma after the previous one, and a new line. */
    private void separate() {
        if (!firstInContainer) {
            json.append(',');
        }
        firstInContainer = false;
        newLine();
    }

    private void open(char bracket) {
        json.append(bracket);
        depth++;
        firstInContainer = true;
    }

    /** Ends the open object or array; an empty one stays on one line ({@code []}). */
    private void close(char bracket) {
        depth--;
        if (!firstInContainer) {
            newLine();
        }
        json.append(bracket);
        firstInContainer = false;
    }

    private void newLine() {
        json.append('\n').append(INDENT.repeat(depth));
    }

    /** A JSON string: quotes, backslashes and control characters escaped; the rest as is (the output is UTF-8). */
    private void quote(String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    // U+2028 and U+2029 are valid JSON but end lines in JavaScript source, so they are escaped too.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
