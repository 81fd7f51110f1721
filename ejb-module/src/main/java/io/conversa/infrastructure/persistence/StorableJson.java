package io.conversa.infrastructure.persistence;

/**
 * JSON text whose strings PostgreSQL can store. Neither {@code text} nor {@code jsonb} holds U+0000, which
 * JSON may carry as the escape {@code \u0000} (a Cloud API text or profile name can): every such escape
 * becomes {@code \uFFFD}, as {@link MessageRow#storable} does for plain text, so the message is stored
 * instead of failing every delivery of its webhook body.
 */
public final class StorableJson {

    private static final String NUL = "\\u0000";

    private StorableJson() {
    }

    public static String of(String json) {
        int at = json.indexOf(NUL);
        if (at < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        int copied = 0;
        while (at >= 0) {
            // Preceded by an odd number of backslashes, the backslash is itself escaped: the text "\u0000".
            int backslashes = 0;
            while (at - backslashes > 0 && json.charAt(at - backslashes - 1) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                out.append(json, copied, at).append("\\uFFFD");
                copied = at + NUL.length();
            }
            at = json.indexOf(NUL, at + 1);
        }
        return out.append(json, copied, json.length()).toString();
    }
}
