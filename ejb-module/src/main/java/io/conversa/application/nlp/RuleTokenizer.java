package io.conversa.application.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Unicode-aware tokenizer made of rules, for every language: URLs, e-mail addresses, mentions,
 * hashtags, numbers (with separators, signs, percent and currency), emoji sequences (with skin
 * tones, joiners and flags) and emoticons stay single tokens; words are runs of letters and marks
 * with inner apostrophes or hyphens.
 */
public final class RuleTokenizer {

    // Order matters: the first alternative that matches at a position wins.
    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "(?<url>(?:https?://|www\\.)[^\\s<>\"]+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|io|de|es|fr|pt|br|uk|it|nl|co|me|app|dev|info|edu|gov)(?:/[^\\s<>\"]*)?\\b)",
            "(?<email>[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,})",
            "(?<mention>@[\\p{L}\\p{N}_.]+|@\\u2068[^\\u2069]*\\u2069)",
            "(?<hashtag>#[\\p{L}\\p{N}_]+)",
            "(?<number>[+-]?[$€£¥]?\\p{Nd}+(?:[.,:/]\\p{Nd}+)*(?:%|[$€£¥]|(?i:st|nd|rd|th|h|am|pm|k|º|ª)\\b)?)",
            "(?<emoticon>(?<![\\p{L}\\p{N}])(?:[:;=8xX][-'^o]?[)(\\]\\[DPpOo/\\\\|*3]+|<3+|\\^_?\\^|[)(]+:|xD+|XD+)(?![\\p{L}\\p{N}]))",
            "(?<emoji>" + Emoji.SEQUENCE + ")",
            "(?<word>[\\p{L}\\p{M}]+(?:['’\\-][\\p{L}\\p{M}]+)*)",
            "(?<punct>[^\\s\\p{L}\\p{N}])"));

    private static final String[] GROUPS = {"url", "email", "mention", "hashtag", "number", "emoticon", "emoji", "word", "punct"};
    private static final Token.Kind[] KINDS = {Token.Kind.URL, Token.Kind.EMAIL, Token.Kind.MENTION, Token.Kind.HASHTAG,
        Token.Kind.NUMBER, Token.Kind.EMOTICON, Token.Kind.EMOJI, Token.Kind.WORD, Token.Kind.PUNCT};

    public List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            for (int g = 0; g < GROUPS.length; g++) {
                int start = m.start(GROUPS[g]);
                if (start >= 0) {
                    int end = m.end(GROUPS[g]);
                    if (KINDS[g] == Token.Kind.URL) {
                        end = trimTrailingPunctuation(text, start, end);
                        m.region(end, text.length());
                    }
                    // Joiners and variation selectors alone are not tokens.
                    if (KINDS[g] != Token.Kind.PUNCT || !Emoji.isModifierOnly(text.substring(start, end))) {
                        tokens.add(new Token(text.substring(start, end), start, end, KINDS[g]));
                    }
                    break;
                }
            }
        }
        return tokens;
    }

    /** A sentence's full stop or a closing bracket after a link is not part of it. */
    static int trimTrailingPunctuation(String text, int start, int end) {
        while (end > start + 1 && ".,;:!?)]}'\"".indexOf(text.charAt(end - 1)) >= 0) {
            if (text.charAt(end - 1) == ')' && text.substring(start, end).contains("(")) {
                break;
            }
            end--;
        }
        return end;
    }
}
