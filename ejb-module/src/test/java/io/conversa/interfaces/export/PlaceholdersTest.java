package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pre-test that sends most one-line bodies straight to plain text: it must let every placeholder
 * through to the full checks, in any case, and should rule out ordinary texts.
 */
class PlaceholdersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <Media omitted>
            IMG-20220318-WA0001.jpg (file attached)
            <attached: 00000012-PHOTO-2022-03-18-14-56-01.jpg>
            This message was deleted
            THIS MESSAGE WAS DELETED
            Este mensaje fue eliminado.
            null
            Live location shared
            location: https://maps.google.com/?q=52.5,13.4
            Café Kranzler https://foursquare.com/v/4b0588a3f964a520d6c022e3
            Trip.pdf • 3 pages document omitted
            IMAGE OMITTED
            Kontaktkarte ausgelassen
            see you <This message was edited>
            """)
    void everyOneLinePlaceholderGoesThroughTheFullChecks(String body) {
        assertThat(Placeholders.surelyNoneIn(body)).isFalse();
        MessageContent content = MessageContent.of(body, true);
        assertThat(content.kind() != MessageKind.TEXT || content.edited()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            see you tomorrow at the station
            пока спасибо
            好的 谢谢
            12:30 yes 👍
            "quote" think genau
            """)
    void ordinaryTextsAreTold(String body) {
        assertThat(Placeholders.surelyNoneIn(body)).isTrue();
        assertThat(MessageContent.of(body, true).kind()).isEqualTo(MessageKind.TEXT);
    }
}
