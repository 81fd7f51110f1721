package io.conversa.application.nlp;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Tokens of a message in its language. Every language goes through the {@link RuleTokenizer};
 * for English, where OpenNLP publishes a tokenizer model, runs of words are re-split by it
 * (contractions such as "don't" become "do" + "n't"), while links, e-mails, mentions, emoji and
 * numbers stay the single tokens the rules made. Not thread-safe (OpenNLP's tokenizer is not).
 */
public final class ChatTokenizer {

    private final RuleTokenizer rules = new RuleTokenizer();
    private final TokenizerME english;

    public ChatTokenizer(Models models) {
        this.english = models == null ? null : new TokenizerME(models.englishTokens);
    }

    public List<Token> tokenize(String text, String language) {
        List<Token> tokens = rules.tokenize(text);
        if (english == null || !"en".equals(language)) {
            return tokens;
        }
        List<Token> out = new ArrayList<>(tokens.size() + 4);
        for (Token t : tokens) {
            if (t.isWord() && t.text().indexOf('\'') + t.text().indexOf('’') > -2) {
                for (Span s : english.tokenizePos(t.text())) {
                    out.add(new Token(t.text().substring(s.getStart(), s.getEnd()), t.start() + s.getStart(),
                            t.start() + s.getEnd(), Token.Kind.WORD));
                }
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
