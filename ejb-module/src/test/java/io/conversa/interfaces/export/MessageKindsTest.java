package io.conversa.interfaces.export;

import static io.conversa.interfaces.export.Exports.parseText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Placeholders WhatsApp writes instead of content, in several languages, and look-alikes that are plain text. */
class MessageKindsTest {

    private static final String ANDROID = "18/03/2022, 14:56 - Ann: ";
    private static final String IOS = "[18/03/2022, 14:56:00] Ann: ";

    private static ParsedMessage only(String export) throws Exception {
        Exports.Parsed chat = parseText(export);
        assertThat(chat.size()).isEqualTo(1);
        assertThat(chat.get(0).author()).isEqualTo("Ann");
        return chat.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <Media omitted>
            <Medien ausgeschlossen>
            <Multimedia omitido>
            <Mídia oculta>
            <Médias omis>
            <Media omessi>
            <Без медиафайлов>
            <Media weggelaten>
            """)
    void androidMediaOmittedInManyLanguages(String placeholder) throws Exception {
        ParsedMessage message = only(ANDROID + placeholder + "\nthe caption\n");

        assertThat(message.kind()).isEqualTo(MessageKind.MEDIA_OMITTED);
        assertThat(message.text()).isEqualTo("the caption");
        assertThat(message.attachmentName()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            image omitted
            \u200Evideo omitted
            Bild weggelassen
            imagen omitida
            imagem ocultada
            immagine omessa
            image absente
            изображение отсутствует
            """)
    void iosMediaOmittedInManyLanguages(String placeholder) throws Exception {
        ParsedMessage message = only("\u200E" + IOS + "\u200E" + placeholder + "\n");

        assertThat(message.kind()).isEqualTo(MessageKind.MEDIA_OMITTED);
        assertThat(message.text()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            file attached
            Datei angehängt
            archivo adjunto
            arquivo anexado
            fichier joint
            file allegato
            файл добавлен
            """)
    void androidAttachmentsInManyLanguagesWithCaption(String phrase) throws Exception {
        ParsedMessage message = only(ANDROID + "\u200EIMG-20220323-WA0002.jpg (" + phrase + ")\nLook at this\n");

        assertThat(message.kind()).isEqualTo(MessageKind.ATTACHMENT);
        assertThat(message.attachmentName()).isEqualTo("IMG-20220323-WA0002.jpg");
        assertThat(message.text()).isEqualTo("Look at this");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            attached
            adjunto
            anexado
            Anhang
            allegato
            """)
    void iosAttachmentsInManyLanguages(String label) throws Exception {
        String file = "00000012-PHOTO-2022-03-18-14-56-00.jpg";
        ParsedMessage message = only("\u200E" + IOS + "\u200E<" + label + ": " + file + ">\n");

        assertThat(message.kind()).isEqualTo(MessageKind.ATTACHMENT);
        assertThat(message.attachmentName()).isEqualTo(file);
        assertThat(message.text()).isEmpty();
    }

    @Test
    void iosDocumentAttachmentKeepsTheDescriptionBeforeItAsCaption() throws Exception {
        ParsedMessage message = only("\u200E" + IOS
                + "Report.pdf \u200E• \u200E3 pages \u200E<attached: 00000005-Report.pdf>\n");

        assertThat(message.kind()).isEqualTo(MessageKind.ATTACHMENT);
        assertThat(message.attachmentName()).isEqualTo("00000005-Report.pdf");
        assertThat(message.text()).isEqualTo("Report.pdf • 3 pages");
    }

    @Test
    void attachedContactCardsAreContacts() throws Exception {
        ParsedMessage ios = only(IOS + "\u200E<attached: 00000009-Ann Smith.vcf>\n");
        ParsedMessage android = only(ANDROID + "Ann Smith.vcf (file attached)\n");

        assertThat(ios.kind()).isEqualTo(MessageKind.CONTACT);
        assertThat(ios.attachmentName()).isEqualTo("00000009-Ann Smith.vcf");
        assertThat(android.kind()).isEqualTo(MessageKind.CONTACT);
        assertThat(android.attachmentName()).isEqualTo("Ann Smith.vcf");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            This message was deleted
            You deleted this message.
            Se eliminó este mensaje.
            Eliminaste este mensaje.
            Mensagem apagada
            Você apagou esta mensagem
            Questo messaggio è stato eliminato
            Diese Nachricht wurde gelöscht.
            Ce message a été supprimé.
            Данное сообщение удалено
            """)
    void deletedMessagesInManyLanguages(String phrase) throws Exception {
        ParsedMessage message = only(IOS + "\u200E" + phrase + "\n");

        assertThat(message.kind()).isEqualTo(MessageKind.DELETED);
        assertThat(message.text()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            This message was edited
            Diese Nachricht wurde bearbeitet
            Se editó este mensaje.
            Mensagem editada
            Ce message a été modifié
            Questo messaggio è stato modificato
            Сообщение изменено
            """)
    void editedMarkerIsAFlagNotText(String marker) throws Exception {
        ParsedMessage android = only(ANDROID + "See you at 5\nor 6 <" + marker + ">\n");
        ParsedMessage ios = only(IOS + "See you at 5 \u200E<" + marker + ">\n");

        assertThat(android.edited()).isTrue();
        assertThat(android.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(android.text()).isEqualTo("See you at 5\nor 6");
        assertThat(ios.edited()).isTrue();
        assertThat(ios.text()).isEqualTo("See you at 5");
    }

    @Test
    void pollInSpanishWithVoteCountsRemoved() throws Exception {
        ParsedMessage poll = only(ANDROID + "ENCUESTA:\n¿Cuándo nos vemos?\nOPCIÓN: Lunes (2 votos)\n"
                + "OPCIÓN: Martes (1 voto)\nOPCIÓN: Nunca (0 votos)\n");

        assertThat(poll.kind()).isEqualTo(MessageKind.POLL);
        assertThat(poll.text()).isEqualTo("¿Cuándo nos vemos?");
        assertThat(poll.pollOptions()).isEqualTo(List.of("Lunes", "Martes", "Nunca"));
    }

    @Test
    void pollInGerman() throws Exception {
        ParsedMessage poll = only(IOS + "UMFRAGE:\nPizza?\nOPTION: Ja (3 Stimmen)\nOPTION: Nein (0 Stimmen)\n");

        assertThat(poll.kind()).isEqualTo(MessageKind.POLL);
        assertThat(poll.pollOptions()).isEqualTo(List.of("Ja", "Nein"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            location: https://maps.google.com/?q=51.50,-0.12
            ubicación: https://maps.google.com/?q=51.50,-0.12
            localização: https://maps.google.com/?q=51.50,-0.12
            posizione: https://maps.google.com/?q=51.50,-0.12
            Localisation : https://maps.google.com/?q=51.50,-0.12
            Live location shared
            """)
    void locationsInManyLanguages(String body) throws Exception {
        ParsedMessage message = only(ANDROID + body + "\n");

        assertThat(message.kind()).isEqualTo(MessageKind.LOCATION);
        assertThat(message.text()).isEqualTo(body);
    }

    @Test
    void viewOnceMediaExportsAsNull() throws Exception {
        ParsedMessage message = only(ANDROID + "null\n");

        assertThat(message.kind()).isEqualTo(MessageKind.VIEW_ONCE);
        assertThat(message.text()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            null pointer again
            <3
            I think this message was deleted
            my file.txt (finally)
            <b>bold</b>
            see https://maps.google.com/?q=1,2 for the place
            POLL: what do you think?
            OPTION: 1
            image omitted by mistake?
            """)
    void lookAlikesStayPlainText(String body) throws Exception {
        ParsedMessage message = only(ANDROID + body + "\n");

        assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.text()).isEqualTo(body);
        assertThat(message.edited()).isFalse();
    }
}
