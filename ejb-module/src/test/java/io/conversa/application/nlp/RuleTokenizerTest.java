package io.conversa.application.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTokenizerTest {

    private final RuleTokenizer tokenizer = new RuleTokenizer();

    private List<String> kinds(String text) {
        return tokenizer.tokenize(text).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @Test
    void keepsLinksMentionsNumbersAndEmojiWhole() {
        assertThat(kinds("mira https://ex.com/a?b=1, @Ana paga 12,50€ 👍🏽 #finde"))
                .containsExactly("WORD:mira", "URL:https://ex.com/a?b=1", "PUNCT:,", "MENTION:@Ana", "WORD:paga",
                        "NUMBER:12,50€", "EMOJI:👍🏽", "HASHTAG:#finde");
    }

    @Test
    void emojiSequencesFlagsAndJoinedFamiliesAreOneTokenEach() {
        assertThat(kinds("🇪🇸👨‍👩‍👧❤️")).containsExactly("EMOJI:🇪🇸", "EMOJI:👨‍👩‍👧", "EMOJI:❤️");
    }

    @Test
    void emojiOnlyMessageHasNoWords() {
        assertThat(tokenizer.tokenize("😂😂😂")).hasSize(3).noneMatch(Token::isWord);
    }

    @Test
    void urlOnlyMessageIsOneTokenWithoutItsFullStop() {
        assertThat(kinds("www.example.org/x.")).containsExactly("URL:www.example.org/x", "PUNCT:.");
    }

    @Test
    void emptyAndNullMessagesHaveNoTokens() {
        assertThat(tokenizer.tokenize("")).isEmpty();
        assertThat(tokenizer.tokenize(null)).isEmpty();
    }

    @Test
    void wordsKeepAccentsApostrophesAndHyphensAndOffsetsPointIntoTheText() {
        String text = "aujourd'hui é segunda-feira";
        List<Token> tokens = tokenizer.tokenize(text);
        assertThat(tokens).extracting(Token::text).containsExactly("aujourd'hui", "é", "segunda-feira");
        tokens.forEach(t -> assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text()));
    }

    @Test
    void emoticonsAndEmailsAreTheirOwnKinds() {
        assertThat(kinds("ana@mail.com :) <3")).containsExactly("EMAIL:ana@mail.com", "EMOTICON::)", "EMOTICON:<3");
    }
}
