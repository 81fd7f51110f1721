package io.conversa.application.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NlpPipelineTest {

    private static final NlpPipeline PIPELINE = NlpPipeline.standalone();
    private static final LocalDate DAY = LocalDate.of(2024, 5, 20);

    private static MessageText m(long id, long author, String text) {
        return new MessageText(id, author, DAY, text);
    }

    @Test
    void aConversationsLanguageCarriesItsShortMessages() {
        List<Enrichment> out = PIPELINE.enrich(List.of(
                m(1, 1, "hola, qué tal estás? hace mucho que no hablamos"),
                m(2, 2, "muy bien, gracias! acabo de volver de vacaciones"),
                m(3, 1, "qué envidia, a dónde fuiste al final?"),
                m(4, 2, "a la playa con mi familia, fue genial"),
                m(5, 1, "qué bien me alegro"),
                m(6, 2, "😍😍"),
                m(7, 1, "")), new ConversationFacts(new LanguageEvidence(), List.of("Ana", "Luis"), "ES", true));
        assertThat(out).extracting(e -> e.language().language()).containsExactly("es", "es", "es", "es", "es", "und", "und");
        assertThat(out.get(5).sentiment().polarity()).isPositive();
        assertThat(out.get(6).entities()).isEmpty();
    }

    @Test
    void everyMessageGetsAnEnrichmentInOrder() {
        List<Enrichment> out = PIPELINE.enrich(List.of(m(10, 1, "call me tomorrow at 5pm"), m(11, 1, "https://example.com")),
                ConversationFacts.none());
        assertThat(out).extracting(Enrichment::messageId).containsExactly(10L, 11L);
        assertThat(out.get(1).entities()).extracting(Entity::kind).containsExactly(Entity.Kind.URL);
    }
}
