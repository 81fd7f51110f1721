package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportServiceTest {

    @Test
    void titlesAnExportAfterTheChatItNames() {
        assertThat(ImportService.titleOf("WhatsApp Chat with Ana Souza.txt")).isEqualTo("Ana Souza");
        assertThat(ImportService.titleOf("WhatsApp Chat with Family.zip")).isEqualTo("Family");
    }

    @Test
    void titlesASecondDownloadAsTheFirst() {
        assertThat(ImportService.titleOf("WhatsApp Chat with Ana Souza (1).txt")).isEqualTo("Ana Souza");
        assertThat(ImportService.titleOf("WhatsApp Chat with Family (12).zip")).isEqualTo("Family");
        assertThat(ImportService.titleOf("Team (2024).txt")).isEqualTo("Team (2024)");
    }

    @Test
    void tellsTitlesThatNameAChatFromTheNamesEveryExportShares() {
        assertThat(ImportService.namesAChat(ImportService.titleOf("_chat.txt"))).isFalse();
        assertThat(ImportService.namesAChat(ImportService.titleOf("chat.txt"))).isFalse();
        assertThat(ImportService.namesAChat(ImportService.titleOf("WhatsApp Chat.zip"))).isFalse();
        assertThat(ImportService.namesAChat(ImportService.titleOf("WhatsApp Chat with Ana.txt"))).isTrue();
        assertThat(ImportService.namesAChat(ImportService.titleOf("WhatsApp Chat - Ana.zip"))).isTrue();
    }

    @Test
    void keepsOtherFileNamesWithoutTheirExtension() {
        assertThat(ImportService.titleOf("_chat.TXT")).isEqualTo("_chat");
        assertThat(ImportService.titleOf("export 2024.zip")).isEqualTo("export 2024");
    }
}
