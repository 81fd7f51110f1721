package io.conversa.application;

import io.conversa.domain.model.outbound.OutboundKind;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;

/**
 * Something Conversa sends to a WhatsApp contact, and the Graph API request body that sends it
 * (shapes as Meta's "send messages" reference gives them). Each checks its own limits when made.
 */
public sealed interface Outgoing {

    OutboundKind kind();

    /** The text stored with the conversation's copy of the message, if any. */
    default String text() {
        return null;
    }

    /** The {@code POST /{phone-number-id}/messages} body for recipient {@code to}. */
    JsonObject payload(String to);

    /** Free-form text, optionally a reply to a message ({@code replyTo} is its wamid). */
    record Text(String body, String replyTo) implements Outgoing {
        public Text {
            require(body != null && !body.isBlank(), "A text message needs a body.");
            require(body.length() <= 4096, "A text message may have at most 4096 characters.");
        }

        @Override
        public OutboundKind kind() {
            return OutboundKind.TEXT;
        }

        @Override
        public String text() {
            return body;
        }

        @Override
        public JsonObject payload(String to) {
            return message(to, "text", Json.createObjectBuilder().add("preview_url", false).add("body", body), replyTo);
        }
    }

    /** An image, video, audio, document or sticker, by the id of media uploaded to Meta or by a public link. */
    record Media(String type, String mediaId, String link, String caption, String filename, String replyTo) implements Outgoing {
        private static final Set<String> TYPES = Set.of("image", "video", "audio", "document", "sticker");

        public Media {
            require(type != null && TYPES.contains(type), "Media type must be one of " + TYPES + ".");
            require(mediaId == null ^ link == null, "Give the media either an id (uploaded to Meta) or a link, not both.");
            require(link == null || link.startsWith("https://"), "A media link must be an https URL.");
            require(caption == null || caption.length() <= 1024, "A caption may have at most 1024 characters.");
        }

        @Override
        public OutboundKind kind() {
            return OutboundKind.MEDIA;
        }

        @Override
        public String text() {
            return caption;
        }

        @Override
        public JsonObject payload(String to) {
            JsonObjectBuilder media = Json.createObjectBuilder();
            media.add(mediaId != null ? "id" : "link", mediaId != null ? mediaId : link);
            if (caption != null && !type.equals("audio") && !type.equals("sticker")) {
                media.add("caption", caption);
            }
            if (filename != null && type.equals("document")) {
                media.add("filename", filename);
            }
            return message(to, type, media, replyTo);
        }
    }

    /** A pre-approved template with its body parameters: the only kind allowed when the customer service window is closed. */
    record Template(String name, String language, List<String> parameters) implements Outgoing {
        public Template {
            require(name != null && !name.isBlank(), "A template message needs the template's name.");
            require(language != null && !language.isBlank(), "A template message needs the template's language code, e.g. en_US.");
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }

        @Override
        public OutboundKind kind() {
            return OutboundKind.TEMPLATE;
        }

        @Override
        public JsonObject payload(String to) {
            JsonObjectBuilder template = Json.createObjectBuilder().add("name", name)
                    .add("language", Json.createObjectBuilder().add("code", language));
            if (!parameters.isEmpty()) {
                JsonArrayBuilder values = Json.createArrayBuilder();
                parameters.forEach(p -> values.add(Json.createObjectBuilder().add("type", "text").add("text", p)));
                template.add("components", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "body").add("parameters", values)));
            }
            return message(to, "template", template, null);
        }
    }

    /**
     * A login code in an authentication template: Meta's authentication templates carry the code
     * in their body and again in their copy-code button.
     */
    record LoginCode(String template, String language, String code) implements Outgoing {
        @Override
        public OutboundKind kind() {
            return OutboundKind.TEMPLATE;
        }

        @Override
        public JsonObject payload(String to) {
            JsonObjectBuilder value = Json.createObjectBuilder().add("type", "text").add("text", code);
            JsonObjectBuilder template = Json.createObjectBuilder().add("name", template())
                    .add("language", Json.createObjectBuilder().add("code", language))
                    .add("components", Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("type", "body").add("parameters", Json.createArrayBuilder().add(value)))
                            .add(Json.createObjectBuilder().add("type", "button").add("sub_type", "url").add("index", "0")
                                    .add("parameters", Json.createArrayBuilder().add(value))));
            return message(to, "template", template, null);
        }

        @Override
        public String toString() {
            return "LoginCode[template=" + template + "]"; // never the code
        }
    }

    /** A reaction to a message of the conversation; an empty emoji takes it back. */
    record Reaction(String messageId, String emoji) implements Outgoing {
        public Reaction {
            require(messageId != null && !messageId.isBlank(), "A reaction needs the id of the message it reacts to.");
            emoji = emoji == null ? "" : emoji;
        }

        @Override
        public OutboundKind kind() {
            return OutboundKind.REACTION;
        }

        @Override
        public JsonObject payload(String to) {
            return message(to, "reaction", Json.createObjectBuilder().add("message_id", messageId).add("emoji", emoji), null);
        }
    }

    /** Marks a received message (and those before it) as read: the blue ticks. */
    record ReadReceipt(String messageId) implements Outgoing {
        public ReadReceipt {
            require(messageId != null && !messageId.isBlank(), "A read receipt needs the id of the message read.");
        }

        @Override
        public OutboundKind kind() {
            return OutboundKind.READ_RECEIPT;
        }

        @Override
        public JsonObject payload(String to) {
            return Json.createObjectBuilder().add("messaging_product", "whatsapp").add("status", "read")
                    .add("message_id", messageId).build();
        }
    }

    private static JsonObject message(String to, String type, JsonObjectBuilder content, String replyTo) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("messaging_product", "whatsapp")
                .add("recipient_type", "individual").add("to", to).add("type", type).add(type, content);
        if (replyTo != null) {
            body.add("context", Json.createObjectBuilder().add("message_id", replyTo));
        }
        return body.build();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new InvalidRequestException(problem);
        }
    }
}
