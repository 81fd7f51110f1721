package io.conversa.interfaces.rest;

import io.conversa.application.InvalidRequestException;
import io.conversa.interfaces.export.DateOrder;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The multipart form of an import or an inspection: the export as "file", and the optional
 * "timezone" (IANA name, default the server's), "dateOrder" (default: the file decides) and, for an
 * import, "conversationId" (the conversation to merge it into; default: found by the file's name).
 */
record ImportForm(EntityPart file, ZoneId zone, DateOrder dateOrder, UUID conversationId) {

    static ImportForm of(List<EntityPart> parts) throws IOException {
        EntityPart file = part(parts, "file");
        if (file == null) {
            throw new InvalidRequestException("Send the export as multipart form field 'file'.");
        }
        return new ImportForm(file, zoneOf(text(parts, "timezone")), dateOrderOf(text(parts, "dateOrder")),
                conversationOf(text(parts, "conversationId")));
    }

    private static EntityPart part(List<EntityPart> parts, String name) {
        return parts.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
    }

    private static String text(List<EntityPart> parts, String name) throws IOException {
        EntityPart part = part(parts, name);
        return part == null ? "" : part.getContent(String.class).trim();
    }

    private static ZoneId zoneOf(String value) {
        try {
            return value.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("Unknown time zone '" + value + "': use an IANA name such as Europe/Berlin.");
        }
    }

    private static UUID conversationOf(String value) {
        try {
            return value.isEmpty() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + value + "' is no conversation id.");
        }
    }

    private static DateOrder dateOrderOf(String value) {
        try {
            return value.isEmpty() ? null : DateOrder.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown date order '" + value
                    + "': use DAY_MONTH_YEAR, MONTH_DAY_YEAR or YEAR_MONTH_DAY, or leave it out to let the file decide.");
        }
    }
}
