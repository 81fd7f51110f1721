package io.conversa.application.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

    private static final Models MODELS = Models.get();
    private final LanguageDetection detection = new LanguageDetection(MODELS);
    private final RuleTokenizer tokenizer = new RuleTokenizer();

    private LanguageGuess decide(String text, LanguageEvidence evidence, Long author) {
        List<Token> tokens = tokenizer.tokenize(text);
        return detection.decide(tokens, () -> detection.rank(tokens), evidence, author);
    }

    private static LanguageEvidence mostly(String language, String other) {
        LanguageEvidence evidence = new LanguageEvidence();
        evidence.add(1L, language, 40);
        evidence.add(2L, other, 10);
        return evidence;
    }

    @Test
    void aSentenceIsReadWithoutAnyEvidence() {
        assertThat(decide("no sé si podremos llegar a tiempo para la cena de esta noche", new LanguageEvidence(), null).language())
                .isEqualTo("es");
    }

    @Test
    void aShortMessageTakesTheConversationsLanguage() {
        assertThat(decide("tudo certo então", mostly("pt", "en"), 1L).language()).isEqualTo("pt");
    }

    @Test
    void theAuthorsHistoryDecidesBetweenTheConversationsLanguages() {
        LanguageEvidence evidence = new LanguageEvidence();
        evidence.add(1L, "en", 30);
        evidence.add(2L, "es", 30);
        assertThat(decide("vale, nos vemos luego", evidence, 2L).language()).isEqualTo("es");
    }

    @Test
    void emojiOnlyUrlOnlyEmptyAndOkAreUndetermined() {
        LanguageEvidence evidence = mostly("de", "en");
        assertThat(decide("😂👍", evidence, 1L).determined()).isFalse();
        assertThat(decide("https://example.com/x", evidence, 1L).determined()).isFalse();
        assertThat(decide("", evidence, 1L).determined()).isFalse();
        assertThat(decide("ok", evidence, 1L).determined()).isFalse();
    }

    @Test
    void aLongMessageInAnotherLanguageIsNotForcedIntoTheConversations() {
        assertThat(decide("je pense que nous devrions partir demain matin avant la pluie", mostly("en", "de"), 1L).language())
                .isEqualTo("fr");
    }

    @Test
    void aMixedLanguageMessageGetsTheLanguageOfMostOfItsWords() {
        assertThat(decide("oye, did you see the email I sent you this morning?", mostly("en", "es"), 2L).language())
                .isEqualTo("en");
    }
}
