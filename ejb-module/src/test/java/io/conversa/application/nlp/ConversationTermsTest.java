package io.conversa.application.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTermsTest {

    private static final TermAnalysis TERMS = new TermAnalysis();
    private final ConversationTerms step = new ConversationTerms(TERMS);

    @Test
    void stopWordsGoStemsJoinAndLinksEmojiAndNumbersAreNoTerms() {
        assertThat(TERMS.terms("The meetings and the meeting 😂 https://ex.com 42", "en"))
                .extracting(TermAnalysis.Term::stem).containsExactly("meet", "meet");
        assertThat(TERMS.terms("", "en")).isEmpty();
        assertThat(TERMS.terms("👍👍", "en")).isEmpty();
    }

    @Test
    void phrasesDoNotJumpOverStopWordsOrPunctuation() {
        List<TermAnalysis.Term> t = TERMS.terms("reunião amanhã, contrato novo", "pt");
        assertThat(t).extracting(TermAnalysis.Term::adjacent).containsExactly(false, true, false, true);
    }

    @Test
    void aRepeatedPhraseRanksAboveItsWordsAndEachPeriodHasItsOwnSubjects() {
        List<ConversationTerms.Entry> messages = new ArrayList<>();
        LocalDate may = LocalDate.of(2024, 5, 2);
        LocalDate june = LocalDate.of(2024, 6, 3);
        for (int i = 0; i < 5; i++) {
            messages.add(new ConversationTerms.Entry(may, "en", "did you book the hotel room for the trip?"));
            messages.add(new ConversationTerms.Entry(may, "en", "the hotel room is booked"));
            messages.add(new ConversationTerms.Entry(june, "en", "the football match starts at eight"));
        }
        var result = step.of(messages);
        assertThat(result.keywords().get(KeywordExtraction.ALL).get(0).phrase()).isEqualTo("hotel room");
        assertThat(result.keywords().get("2024-06")).extracting(Keyword::phrase).contains("football match").doesNotContain("hotel room");
        assertThat(result.keywords().get("2024-05")).noneMatch(k -> k.phrase().equals("hotel"));
    }

    @Test
    void topicsSeparateSubjectsThatNeverMeet() {
        List<ConversationTerms.Entry> messages = new ArrayList<>();
        for (int d = 1; d <= 24; d++) {
            LocalDate day = LocalDate.of(2024, 1, d);
            String text = d % 2 == 0 ? "goal football match striker referee stadium penalty"
                    : "recipe oven flour sugar butter dough baking";
            messages.add(new ConversationTerms.Entry(day, "en", text));
            messages.add(new ConversationTerms.Entry(day, "en", d % 3 == 0 ? "see you later" : "ok thanks"));
        }
        var byPeriod = step.of(messages).topics();
        List<Topic> topics = byPeriod.get(KeywordExtraction.ALL);
        assertThat(topics).isNotEmpty();
        assertThat(byPeriod).containsKey("2024-01"); // 24 days: the month has topics of its own
        assertThat(topics).anySatisfy(t -> assertThat(t.terms()).contains("football", "referee").doesNotContain("flour"));
        assertThat(topics).anySatisfy(t -> assertThat(t.terms()).contains("flour", "oven").doesNotContain("referee"));
    }

    @Test
    void noMessagesNoKeywordsNoTopics() {
        var result = step.of(List.of());
        assertThat(result.topics()).isEmpty();
        assertThat(result.keywords()).isEmpty();
    }
}
