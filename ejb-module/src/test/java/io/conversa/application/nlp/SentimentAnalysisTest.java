package io.conversa.application.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentAnalysisTest {

    private static final SentimentAnalysis SENTIMENT = new SentimentAnalysis();
    private final RuleTokenizer tokenizer = new RuleTokenizer();

    private Sentiment of(String text, String language) {
        return SENTIMENT.analyse(tokenizer.tokenize(text), language);
    }

    @Test
    void positiveAndNegativeInEachLanguage() {
        assertThat(of("this is great, I love it", "en").polarity()).isPositive();
        assertThat(of("qué día tan horrible", "es").polarity()).isNegative();
        assertThat(of("ficou lindo demais, adorei", "pt").polarity()).isPositive();
        assertThat(of("das ist echt schlecht", "de").polarity()).isNegative();
        assertThat(of("c'est génial, merci", "fr").polarity()).isPositive();
    }

    @Test
    void negationFlipsTheWordItGoverns() {
        assertThat(of("not good at all", "en").polarity()).isNegative();
        assertThat(of("no me gusta", "es").polarity()).isNegative();
        assertThat(of("não gostei", "pt").polarity()).isNegative();
        assertThat(of("das gefällt mir nicht", "de").polarity()).isNegative();
        assertThat(of("j'aime pas ça", "fr").polarity()).isNegative();
    }

    @Test
    void boostersAndExclamationsMakeItStronger() {
        assertThat(of("very good!!", "en").polarity()).isGreaterThan(of("good", "en").polarity());
    }

    @Test
    void emojiOnlyMessagesCarrySentimentAndEmotionInAnyLanguage() {
        Sentiment s = of("😭😭", "und");
        assertThat(s.polarity()).isNegative();
        assertThat(s.emotion()).isEqualTo("sadness");
        assertThat(of("🎉😍", "it").emotion()).isEqualTo("joy");
    }

    @Test
    void emptyAndUrlOnlyMessagesAreNeutralAndObjective() {
        for (String text : new String[] {"", "https://example.com/a"}) {
            Sentiment s = of(text, "en");
            assertThat(s.polarity()).isZero();
            assertThat(s.subjectivity()).isZero();
            assertThat(s.emotion()).isEqualTo(Sentiment.NEUTRAL);
        }
    }

    @Test
    void opinionIsMoreSubjectiveThanFact() {
        assertThat(of("I absolutely love this, it's wonderful", "en").subjectivity())
                .isGreaterThan(of("the train leaves at nine from platform two", "en").subjectivity());
    }

    @Test
    void emotionCuesNameTheEmotion() {
        assertThat(of("estoy muy enfadado contigo", "es").emotion()).isEqualTo("anger");
        assertThat(of("j'ai peur du noir", "fr").emotion()).isEqualTo("fear");
    }

    @Test
    void aContrastWeighsWhatFollowsIt() {
        assertThat(of("the food was good but the service was terrible", "en").polarity()).isNegative();
    }
}
