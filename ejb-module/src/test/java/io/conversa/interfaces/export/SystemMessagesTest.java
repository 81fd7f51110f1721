package io.conversa.interfaces.export;

import static io.conversa.interfaces.export.Exports.parseText;
import static org.assertj.core.api.Assertions.assertThat;

import io.conversa.interfaces.export.Exports.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** System messages never get an author: neither Android's author-less lines nor iOS's lines under the chat's name. */
class SystemMessagesTest {

    private static ParsedMessage only(String export) throws Exception {
        Parsed chat = parseText(export);
        assertThat(chat.size()).isEqualTo(1);
        return chat.get(0);
    }

    private static void assertSystem(ParsedMessage message, String text) {
        assertThat(message.kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(message.author()).isNull();
        assertThat(message.text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Messages and calls are end-to-end encrypted. No one outside of this chat can read them.
            Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat puede leerlos.
            As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta.
            Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.
            Les messages et les appels sont chiffrés de bout en bout.
            I messaggi e le chiamate sono crittografati end-to-end.
            Сообщения и звонки защищены сквозным шифрованием.
            Tu código de seguridad con Ana cambió. Toca para obtener más información.
            O seu código de segurança com Ana mudou. Toque para saber mais.
            Il tuo codice di sicurezza con Ana è cambiato. Tocca per saperne di più.
            Ваш код безопасности для Ана изменился. Нажмите, чтобы узнать подробнее.
            """)
    void iosNoticesUnderTheChatNameInManyLanguages(String notice) throws Exception {
        assertSystem(only("[18/03/2022, 14:56:00] Ana Lima: \u200E" + notice + "\n"), notice);
    }

    @Test
    void noticesAreRecognizedEvenWithoutTheIosMark() throws Exception {
        String notice = "Messages and calls are end-to-end encrypted. No one outside of this chat can read them.";

        assertSystem(only("18/03/2022, 14:56 - Family: " + notice + "\n"), notice);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ana created group “Family”
            Ana added Bob
            Bob left
            Ana removed Bob
            Ana changed the subject from “Family” to “Family: 2022”
            Ana changed this group's icon
            Ana changed the group description
            Ana turned on disappearing messages. New messages will disappear from this chat 7 days after they're sent.
            Bob changed their phone number to a new number. Tap to message or add the new number.
            Ana creó el grupo “Familia”
            Ana añadió a Bob
            Bob salió del grupo
            Ana eliminó a Bob
            Ana cambió el asunto de “A” a “B”
            Ana criou o grupo “Família”
            Ana adicionou Bob
            Bob saiu
            Ana removeu Bob
            Ana hat die Gruppe „Familie“ erstellt
            Ana hat Bob hinzugefügt
            Bob hat die Gruppe verlassen
            Ana hat Bob entfernt
            Ana hat den Betreff von „A“ zu „B“ geändert
            Ana a créé le groupe « Famille »
            Ana a ajouté Bob
            Bob est parti
            Ana a retiré Bob
            Ana ha creato il gruppo “Famiglia”
            Ana ha aggiunto Bob
            Bob è uscito
            Ana ha rimosso Bob
            Ana создала группу «Семья»
            Ana добавила Bob
            Bob вышел
            Ana удалила Bob
            Ana изменила тему с «А» на «Б»
            """)
    void iosGroupEventsUnderTheChatNameInManyLanguages(String event) throws Exception {
        assertSystem(only("[18/03/2022, 14:56:00] Family: \u200E" + event + "\n"), event);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Tom changed the subject to "Trip: Rome"
            Tom changed the subject from “Plans” to “Plans: summer”
            Cambiaste el asunto de “A” a “B: C”
            Tom hat den Betreff zu „Urlaub: Rom“ geändert
            Tom a modifié le sujet en « Voyage : Rome »
            Les messages éphémères sont activés : les nouveaux messages disparaîtront après 7 jours
            Ana te añadió
            Ana criou o grupo "Viagem"
            Tom hat die Gruppe verlassen
            Bob è uscito
            """)
    void androidSystemLinesHaveNoAuthorEvenWithAColonInside(String line) throws Exception {
        assertSystem(only("18/03/2022, 14:56 - " + line + "\n"), line);
    }

    @Test
    void participantsWritingLikeTheSystemKeepTheirAuthorship() throws Exception {
        Parsed chat = parseText("""
                [18/03/2022, 14:56:00] Ana: I added sugar
                [18/03/2022, 14:57:00] Bob: Tom left
                [18/03/2022, 14:58:00] Dr. Who: The time: now
                """);

        assertThat(chat.messages()).extracting(ParsedMessage::kind).containsOnly(MessageKind.TEXT);
        assertThat(chat.messages()).extracting(ParsedMessage::author).containsExactly("Ana", "Bob", "Dr. Who");
        assertThat(chat.get(2).text()).isEqualTo("The time: now");
    }

    @Test
    void colonsInLinksAndClockTimesAreNoAuthorSeparator() throws Exception {
        assertSystem(only("18/03/2022, 14:56 - Missed call at 10:30, see https://wa.me/123\n"),
                "Missed call at 10:30, see https://wa.me/123");
    }
}
