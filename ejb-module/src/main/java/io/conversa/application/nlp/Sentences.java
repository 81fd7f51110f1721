package io.conversa.application.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;

/**
 * Splits a message into sentences: OpenNLP's English sentence model for English, a rule elsewhere
 * (end punctuation followed by space and a capital, or a line break). Most chat messages are one
 * sentence, so a message without inner end punctuation or line break is returned whole without
 * asking the model. Not thread-safe.
 */
public final class Sentences {

    private static final Pattern RULE = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}¿¡\"“])|\\n+");
    private static final Pattern INNER_END = Pattern.compile("[.!?…]\\s|\\n");

    private final SentenceDetectorME english;

    public Sentences(Models models) {
        this.english = models == null ? null : new SentenceDetectorME(models.englishSentences);
    }

    /** The sentences as spans of the text, start inclusive, end exclusive, trimmed. */
    public List<int[]> split(String text, String language) {
        List<int[]> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        if (!INNER_END.matcher(text).find()) {
            out.add(trim(text, 0, text.length()));
            return out;
        }
        if (english != null && "en".equals(language)) {
            for (Span s : english.sentPosDetect(text)) {
                out.add(new int[] {s.getStart(), s.getEnd()});
            }
            return out;
        }
        Matcher m = RULE.matcher(text);
        int start = 0;
        while (m.find()) {
            if (m.start() > start && !text.substring(start, m.start()).isBlank()) {
                out.add(trim(text, start, m.start()));
            }
            start = m.end();
        }
        if (start < text.length() && !text.substring(start).isBlank()) {
            out.add(trim(text, start, text.length()));
        }
        return out;
    }

    private static int[] trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }
}
