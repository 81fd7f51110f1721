package io.conversa.application.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * A message's content terms in its language, by Lucene's analyzers: their stop-word lists and
 * stemmers (Porter for English, light stemmers for the Romance languages, German normalisation),
 * so "reunião"/"reuniões" count as one term. Links, e-mails, mentions, numbers and emoji are left
 * out; a removed stop word leaves a gap, so n-grams never jump over one. Thread-safe (Lucene's
 * analyzers reuse per-thread token streams).
 */
public final class TermAnalysis {

    /** One term: its stem (the key that counts), the word as written, and whether it follows the previous term directly. */
    public record Term(String stem, String surface, boolean adjacent) {
    }

    /** Written for Conversa: pronouns, auxiliaries and chat fillers that Lucene's English list leaves in. */
    static final String ENGLISH_CHAT_STOP_WORDS = "i me my mine myself we us our ours you your yours he him his she her hers its"
            + " they them their what which who whom whose when where why how am been being have has had having do does did"
            + " doing would could should shall can may might must just so very too also than only about up down out over"
            + " from here now all any some more most other own same both each few ok okay yes yeah yep nope lol haha hahaha"
            + " hi hey hello oh ah um hmm u ur im dont cant thats its ill ive youre gonna wanna got get";

    private final Map<String, Analyzer> analyzers = new HashMap<>();
    private final Analyzer fallback = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final RuleTokenizer tokenizer = new RuleTokenizer();

    public TermAnalysis() {
        // Lucene's English list is the short one search engines use (33 words); keywords need pronouns and chat fillers gone too.
        CharArraySet english = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        english.addAll(List.of(ENGLISH_CHAT_STOP_WORDS.split(" ")));
        analyzers.put("en", new EnglishAnalyzer(english));
        analyzers.put("es", new SpanishAnalyzer());
        analyzers.put("pt", new PortugueseAnalyzer());
        analyzers.put("de", new GermanAnalyzer());
        analyzers.put("fr", new FrenchAnalyzer());
        analyzers.put("it", new ItalianAnalyzer());
        analyzers.put("nl", new DutchAnalyzer());
    }

    public List<Term> terms(String text, String language) {
        List<Term> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String words = wordsOnly(text);
        Analyzer analyzer = analyzers.getOrDefault(language, fallback);
        try (TokenStream ts = analyzer.tokenStream("body", words)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            boolean first = true;
            boolean gap = false;
            while (ts.incrementToken()) {
                String stem = term.toString();
                if (!"<ALPHANUM>".equals(type.type()) || stem.length() < 2 || stem.chars().allMatch(Character::isDigit)) {
                    gap = true;
                    continue;
                }
                boolean adjacent = !first && !gap && increment.getPositionIncrement() == 1
                        && !separated(words, offset.startOffset());
                out.add(new Term(stem, words.substring(offset.startOffset(), offset.endOffset()).toLowerCase(java.util.Locale.ROOT),
                        adjacent));
                first = false;
                gap = false;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A comma, full stop or line break between two words ends a phrase. */
    private static boolean separated(String words, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = words.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return false;
            }
            if (c == '\n' || ",.;:!?()".indexOf(c) >= 0 || c == '\u0001') {
                return true;
            }
        }
        return false;
    }

    /** The text with links, e-mails, mentions, hashtags, numbers and emoji replaced by a phrase break. */
    private String wordsOnly(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Token t : tokenizer.tokenize(text)) {
            if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.PUNCT) {
                continue;
            }
            sb.append(text, at, t.start()).append(" \u0001 ");
            at = t.end();
        }
        return sb.append(text.substring(at)).toString();
    }
}
