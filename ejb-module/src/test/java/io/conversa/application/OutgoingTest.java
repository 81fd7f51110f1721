package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conversa.domain.model.outbound.OutboundKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingTest {

    @Test
    void buildsTheGraphApiBodyOfAReplyText() {
        assertThat(new Outgoing.Text("Hello", "wamid.A").payload("4917").toString()).isEqualTo(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"4917\",\"type\":\"text\","
                        + "\"text\":{\"preview_url\":false,\"body\":\"Hello\"},\"context\":{\"message_id\":\"wamid.A\"}}");
    }

    @Test
    void buildsMediaByLinkWithCaptionAndDocumentsWithTheirFileName() {
        assertThat(new Outgoing.Media("image", null, "https://example.org/a.jpg", "look", null, null).payload("4917").toString())
                .contains("\"type\":\"image\",\"image\":{\"link\":\"https://example.org/a.jpg\",\"caption\":\"look\"}");
        assertThat(new Outgoing.Media("document", "123", null, null, "report.pdf", null).payload("4917").toString())
                .contains("\"document\":{\"id\":\"123\",\"filename\":\"report.pdf\"}");
    }

    @Test
    void buildsTemplatesWithBodyParametersAndReadReceiptsWithoutARecipient() {
        assertThat(new Outgoing.Template("code", "en_US", List.of("123456")).payload("4917").toString())
                .contains("\"template\":{\"name\":\"code\",\"language\":{\"code\":\"en_US\"},\"components\":[{\"type\":\"body\","
                        + "\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}]}]}");
        assertThat(new Outgoing.ReadReceipt("wamid.B").payload("4917").toString())
                .isEqualTo("{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.B\"}");
    }

    @Test
    void onlyTemplatesAndReadReceiptsMayGoOutWithTheWindowClosed() {
        assertThat(OutboundKind.TEMPLATE.needsOpenWindow()).isFalse();
        assertThat(OutboundKind.READ_RECEIPT.needsOpenWindow()).isFalse();
        assertThat(OutboundKind.TEXT.needsOpenWindow()).isTrue();
        assertThat(OutboundKind.MEDIA.needsOpenWindow()).isTrue();
        assertThat(OutboundKind.REACTION.needsOpenWindow()).isTrue();
    }

    @Test
    void refusesWhatMetaWouldRefuse() {
        assertThatThrownBy(() -> new Outgoing.Text(" ", null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new Outgoing.Text("x".repeat(4097), null)).hasMessageContaining("4096");
        assertThatThrownBy(() -> new Outgoing.Media("image", "1", "https://a", null, null, null)).hasMessageContaining("not both");
        assertThatThrownBy(() -> new Outgoing.Media("gif", "1", null, null, null, null)).hasMessageContaining("Media type");
        assertThatThrownBy(() -> new Outgoing.Media("image", null, "http://a", null, null, null)).hasMessageContaining("https");
        assertThatThrownBy(() -> new Outgoing.Template("t", "", null)).hasMessageContaining("language");
    }
}
