package io.conversa.application;

import io.conversa.domain.model.conversation.MessageKind;
import jakarta.json.JsonObject;

/** What a Cloud API message says, in Conversa's terms: its kind and the text a person would read. */
record CloudApiContent(MessageKind kind, String text) {

    static CloudApiContent of(String type, JsonObject message) {
        JsonObject part = message.containsKey(type) && message.get(type) instanceof JsonObject o ? o : null;
        return switch (type) {
            case "text" -> new CloudApiContent(MessageKind.TEXT, part.getString("body", ""));
            case "image", "video", "audio", "document", "sticker" ->
                    new CloudApiContent(MessageKind.ATTACHMENT, part.getString("caption", part.getString("filename", "")));
            case "location" -> new CloudApiContent(MessageKind.LOCATION, location(part));
            case "contacts" -> new CloudApiContent(MessageKind.CONTACT, contactName(message));
            case "interactive" -> new CloudApiContent(MessageKind.INTERACTIVE, interactiveTitle(part));
            case "button" -> new CloudApiContent(MessageKind.INTERACTIVE, part.getString("text", ""));
            case "system" -> new CloudApiContent(MessageKind.SYSTEM, part.getString("body", ""));
            // Only Conversa's own sends are templates; their text lives at Meta, so the copy names the template.
            // A media message of a coexistence history; Meta sends its content later under the same id.
            case "media_placeholder" -> new CloudApiContent(MessageKind.ATTACHMENT, null);
            case "template" -> new CloudApiContent(MessageKind.TEXT, "[template " + part.getString("name", "") + "]");
            default -> new CloudApiContent(MessageKind.UNSUPPORTED, null);
        };
    }

    private static String location(JsonObject location) {
        String name = location.getString("name", null);
        String address = location.getString("address", null);
        if (name != null || address != null) {
            return name == null ? address : address == null ? name : name + ", " + address;
        }
        return location.getJsonNumber("latitude") + "," + location.getJsonNumber("longitude");
    }

    private static String contactName(JsonObject message) {
        var contacts = message.getJsonArray("contacts");
        if (contacts == null || contacts.isEmpty()) {
            return "";
        }
        JsonObject name = contacts.getJsonObject(0).getJsonObject("name");
        return name == null ? "" : name.getString("formatted_name", "");
    }

    private static String interactiveTitle(JsonObject interactive) {
        String type = interactive.getString("type", "");
        return interactive.containsKey(type) ? interactive.getJsonObject(type).getString("title", "") : "";
    }
}
