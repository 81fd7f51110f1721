package it.io.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Edits of Cloud API messages ("type": "edit", as pywa's recorded webhooks show them): the message
 * shows the latest edit, marked edited, with its history; edits may come before the message and
 * twice, and are applied once and in time order.
 */
class MessageEditsIT {

    @Test
    void showsTheLatestEditWhateverTheOrderOfArrival() {
        String contact = "3519" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String original = "wamid." + UUID.randomUUID();
        String later = "wamid." + UUID.randomUUID();
        String earlier = "wamid." + UUID.randomUUID();

        post(contact, edit(contact, later, original, 1_739_321_300L, "See you at 19:00, not 18:00"));
        post(contact, message(contact, original, 1_739_321_000L, "See you at 18:00"));
        post(contact, edit(contact, earlier, original, 1_739_321_100L, "See you at 18:30"));
        post(contact, edit(contact, earlier, original, 1_739_321_100L, "See you at 18:30"));

        String conversation = Api.conversationOf(original);
        JsonNode messages = Api.await(() -> Api.get("/api/v1/conversations/" + conversation + "/messages", Api.adminToken()),
                a -> a.json().get("messages").size() == 1 && a.json().get("messages").get(0).get("edited").asBoolean())
                .json().get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("text").asText()).isEqualTo("See you at 19:00, not 18:00");

        JsonNode facts = Api.await(() -> Api.get("/api/v1/whatsapp/messages/" + URLEncoder.encode(original, StandardCharsets.UTF_8),
                Api.adminToken()), a -> a.json().get("edits").size() == 2).json();
        assertThat(facts.get("edits").findValuesAsText("text")).containsExactly("See you at 18:30", "See you at 19:00, not 18:00");
        assertThat(facts.get("text").asText()).isEqualTo("See you at 19:00, not 18:00");
    }

    private static void post(String contact, String messageJson) {
        assertThat(Api.signedWebhook(Api.webhookChange("messages", "\"contacts\":[{\"profile\":{\"name\":\"Rita\"},\"wa_id\":\""
                + contact + "\"}],\"messages\":[" + messageJson + "]")).status()).isEqualTo(200);
    }

    private static String message(String contact, String wamid, long at, String text) {
        return "{\"from\":\"" + contact + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + at + "\",\"type\":\"text\","
                + "\"text\":{\"body\":\"" + text + "\"}}";
    }

    private static String edit(String contact, String wamid, String original, long at, String text) {
        return "{\"from\":\"" + contact + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + at + "\",\"type\":\"edit\","
                + "\"edit\":{\"original_message_id\":\"" + original + "\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\""
                + text + "\"}}}}";
    }
}
