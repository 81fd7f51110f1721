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
    void keepsOtherFileNamesWithoutTheirExtension() {
        assertThat(ImportService.titleOf("_chat.TXT")).isEqualTo("_chat");
        assertThat(ImportService.titleOf("export 2024.zip")).isEqualTo("export 2024");
    }
}
