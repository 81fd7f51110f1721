package io.conversa.application.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractionTest {

    private static final EntityExtraction ENTITIES = new EntityExtraction();
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private final RuleTokenizer tokenizer = new RuleTokenizer();

    private List<String> find(String text, String language, String region, List<String> participants) {
        MessageContext context = new MessageContext(MONDAY, region, true, participants);
        return ENTITIES.extract(text, tokenizer.tokenize(text), language, context, EntityExtraction.participants(participants))
                .stream().map(e -> e.kind() + "=" + e.text() + ">" + e.normalised()).toList();
    }

    @Test
    void phonesAreValidatedAndNormalisedToE164() {
        assertThat(find("llámame al 612 345 678 o al +44 7911 123456", "es", "ES", List.of()))
                .containsExactly("PHONE=612 345 678>+34612345678", "PHONE=+44 7911 123456>+447911123456");
        assertThat(find("order 1234567 shipped", "en", "GB", List.of())).isEmpty();
    }

    @Test
    void emailsUrlsAndMentionsWithPositions() {
        String text = "mail ana@ex.com or see www.ex.com/a, @Pedro";
        assertThat(find(text, "en", "GB", List.of())).containsExactly("EMAIL=ana@ex.com>ana@ex.com",
                "URL=www.ex.com/a>https://www.ex.com/a", "MENTION=@Pedro>Pedro");
        Entity email = ENTITIES.extract(text, tokenizer.tokenize(text), "en", MessageContext.of(MONDAY), java.util.Map.of()).get(0);
        assertThat(text.substring(email.start(), email.end())).isEqualTo("ana@ex.com");
    }

    @Test
    void datesInTheMessagesLanguageResolvedAgainstTheDayItWasSent() {
        assertThat(find("la boda es el 15 de junio", "es", "ES", List.of())).containsExactly("DATE=15 de junio>2024-06-15");
        assertThat(find("see you tomorrow or on Friday", "en", "GB", List.of()))
                .containsExactly("DATE=tomorrow>2024-03-05", "DATE=Friday>2024-03-08");
        assertThat(find("Termin am 3. Oktober um 17 Uhr", "de", "DE", List.of()))
                .containsExactly("DATE=3. Oktober>2024-10-03", "TIME=17 Uhr>17:00");
        assertThat(find("rendez-vous le 2024-11-14 à 20h30", "fr", "FR", List.of()))
                .containsExactly("DATE=2024-11-14>2024-11-14", "TIME=20h30>20:30");
    }

    @Test
    void germanAmIsNoAm() {
        assertThat(find("Treffen um 18:30 am Bahnhof", "de", "DE", List.of())).containsExactly("TIME=18:30>18:30");
        assertThat(find("see you at 9 am", "en", "GB", List.of())).containsExactly("TIME=9 am>09:00");
    }

    @Test
    void aWordIsADateOnlyInItsOwnLanguage() {
        assertThat(find("hier ist es schön", "de", "DE", List.of())).isEmpty();
        assertThat(find("je suis parti hier", "fr", "FR", List.of())).containsExactly("DATE=hier>2024-03-03");
        assertThat(find("nos vemos esta mañana", "es", "ES", List.of())).isEmpty();
    }

    @Test
    void participantsAreFoundByFirstNameInAnyCaseAndNamedInFull() {
        assertThat(find("ask maria about it", "en", "GB", List.of("Maria Gomez", "Tom Hill")))
                .containsExactly("PERSON=maria>Maria Gomez");
    }

    @Test
    void gazetteersFindPlacesOrganisationsAndPeople() {
        assertThat(find("Léa moved from Lisboa to work at Google", "en", "GB", List.of()))
                .containsExactly("PERSON=Léa>null", "LOCATION=Lisboa>null", "ORG=Google>null");
    }

    @Test
    void emptyEmojiOnlyAndUrlOnlyMessages() {
        assertThat(find("", "en", "GB", List.of())).isEmpty();
        assertThat(find("😂😂", "en", "GB", List.of())).isEmpty();
        assertThat(find("https://example.com/3-4-2024", "en", "GB", List.of()))
                .containsExactly("URL=https://example.com/3-4-2024>https://example.com/3-4-2024");
    }
}
