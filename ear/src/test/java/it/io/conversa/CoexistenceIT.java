package it.io.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A number that also uses the WhatsApp Business app (coexistence): its past threads arrive as
 * "history" webhooks and what the business sends from the app as "smb_message_echoes"; both land in
 * the same conversations as the Cloud API messages, with the right direction. Bodies are shaped as
 * Meta's webhook reference shows them, with ids of their own.
 */
class CoexistenceIT {

    @Test
    void importsAHistoryThreadInBothDirectionsAndFillsInItsMediaPlaceholderLater() {
        String contact = contact();
        String ours = wamid();
        String placeholder = wamid();
        String theirs = wamid();
        String thread = "{\"id\":\"" + contact + "\",\"messages\":["
                + "{\"from\":\"15550783881\",\"id\":\"" + ours + "\",\"timestamp\":\"1739230955\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Here's the info you requested!\"},\"history_context\":{\"status\":\"READ\"}},"
                + "{\"from\":\"15550783881\",\"id\":\"" + placeholder + "\",\"timestamp\":\"1739230970\","
                + "\"type\":\"media_placeholder\",\"history_context\":{\"status\":\"PLAYED\"}},"
                + "{\"from\":\"" + contact + "\",\"id\":\"" + theirs + "\",\"timestamp\":\"1739230971\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Thanks!\"},\"history_context\":{\"status\":\"READ\"}}]}";
        assertThat(Api.signedWebhook(Api.webhookChange("history", "\"history\":[{\"metadata\":{\"phase\":0,\"chunk_order\":1,"
                + "\"progress\":55},\"threads\":[" + thread + "]}]")).status()).isEqualTo(200);
        String conversation = Api.conversationOf(theirs);

        assertThat(Api.signedWebhook(Api.webhookChange("history", "\"messages\":[{\"from\":\"" + contact + "\",\"id\":\"" + placeholder
                + "\",\"timestamp\":\"1739230970\",\"type\":\"image\",\"image\":{\"caption\":\"Black Prince echeveria\","
                + "\"mime_type\":\"image/jpeg\",\"sha256\":\"3f9d94d399fa61c191bc1d4ca71375a035cd9b9f5b1128e1f0963a415c16b0cc\","
                + "\"id\":\"24230790383178626\"}}]")).status()).isEqualTo(200);
        JsonNode messages = Api.await(() -> Api.get("/api/v1/conversations/" + conversation + "/messages", Api.adminToken()),
                a -> a.json().get("messages").get(1).get("text").asText().equals("Black Prince echeveria")).json().get("messages");

        assertThat(messages.findValuesAsText("waMessageId")).containsExactly(ours, placeholder, theirs);
        assertThat(messages.findValuesAsText("direction")).containsExactly("OUT", "OUT", "IN");
        assertThat(messages.get(1).get("kind").asText()).isEqualTo("ATTACHMENT");
        assertThat(messages.get(1).get("text").asText()).isEqualTo("Black Prince echeveria");
        JsonNode detail = Api.get("/api/v1/conversations/" + conversation, Api.adminToken()).json();
        assertThat(detail.get("conversation").get("messageCount").asInt()).isEqualTo(3);
    }

    @Test
    void storesWhatTheBusinessSentFromTheAppInTheContactsConversation() {
        String contact = contact();
        String inbound = wamid();
        assertThat(Api.signedWebhook(Api.webhookChange("messages", "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\""
                + contact + "\"}],\"messages\":[{\"from\":\"" + contact + "\",\"id\":\"" + inbound + "\",\"timestamp\":\"1739321000\","
                + "\"type\":\"text\",\"text\":{\"body\":\"Do you ship to Lisbon?\"}}]")).status()).isEqualTo(200);
        String conversation = Api.conversationOf(inbound);

        String echo = wamid();
        assertThat(Api.signedWebhook(Api.webhookChange("smb_message_echoes", "\"message_echoes\":[{\"from\":\"15550783881\",\"to\":\""
                + contact + "\",\"id\":\"" + echo + "\",\"timestamp\":\"1739321024\",\"type\":\"text\","
                + "\"text\":{\"body\":\"We do, within 3 days.\"}}]")).status()).isEqualTo(200);

        assertThat(Api.conversationOf(echo)).isEqualTo(conversation);
        JsonNode messages = Api.get("/api/v1/conversations/" + conversation + "/messages", Api.adminToken()).json().get("messages");
        assertThat(messages.get(0).get("text").asText()).isEqualTo("Do you ship to Lisbon?");
        assertThat(messages.get(1).get("text").asText()).isEqualTo("We do, within 3 days.");
        assertThat(messages.size()).isEqualTo(2);
        assertThat(messages.findValuesAsText("direction")).containsExactly("IN", "OUT");
        assertThat(messages.get(1).get("participantId").isNull()).isTrue();
    }

    private static String contact() {
        return "3519" + (100_000_00 + (int) (Math.random() * 89_999_999));
    }

    private static String wamid() {
        return "wamid." + UUID.randomUUID();
    }
}
