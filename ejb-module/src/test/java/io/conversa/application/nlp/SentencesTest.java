package io.conversa.application.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    private static final Sentences SENTENCES = new Sentences(Models.get());

    private static List<String> split(String text, String language) {
        return SENTENCES.split(text, language).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void englishUsesTheModelAndOtherLanguagesTheRule() {
        assertThat(split("I got the tickets. See you at 8 tonight!", "en")).containsExactly("I got the tickets.", "See you at 8 tonight!");
        assertThat(split("Ya llegué. ¿Dónde estás?", "es")).containsExactly("Ya llegué.", "¿Dónde estás?");
        assertThat(split("erste Zeile\nzweite Zeile", "de")).containsExactly("erste Zeile", "zweite Zeile");
    }

    @Test
    void aMessageWithoutInnerEndIsOneSentenceAndEmptyIsNone() {
        assertThat(split("  ok see you  ", "en")).containsExactly("ok see you");
        assertThat(split("😂😂", "en")).containsExactly("😂😂");
        assertThat(split("https://example.com/a.b", "en")).containsExactly("https://example.com/a.b");
        assertThat(split("", "en")).isEmpty();
    }
}
