package io.conversa.application.nlp;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;

/**
 * Decides a message's language from OpenNLP's detector (character n-grams, 103 languages) and what
 * the conversation says ({@link LanguageEvidence}). On a chat message the detector alone is weak:
 * its probabilities are nearly flat. So the answer is restricted to the languages the conversation
 * and the author already use (their share is the prior), a language outside them is taken only
 * from a message long enough to show it, and a message of one or two words without a clear winner,
 * or without words at all (emoji, a link), is undetermined. Not thread-safe.
 */
public final class LanguageDetection {

    /** How strongly the detector's likelihood counts against the prior (tuned on the evaluation set). */
    static final double MODEL_WEIGHT = 2.0;
    /** A language used by this share of the conversation or more is one of its languages. */
    static final double IN_PROFILE = 0.05;
    /** Below this posterior a short message is undetermined. */
    static final double SHORT_MESSAGE_CONFIDENCE = 0.6;

    private static final Map<String, String> TWO_LETTER = new HashMap<>();

    static {
        for (String code : Locale.getISOLanguages()) {
            try {
                TWO_LETTER.put(new Locale(code).getISO3Language(), code);
            } catch (java.util.MissingResourceException ignored) {
                // a code without a three-letter form is not one the model uses
            }
        }
        // The model names macrolanguages' members; these are the ones chats mostly write.
        TWO_LETTER.put("cmn", "zh");
        TWO_LETTER.put("pes", "fa");
        TWO_LETTER.put("zsm", "ms");
        TWO_LETTER.put("ekk", "et");
        TWO_LETTER.put("lvs", "lv");
    }

    private final LanguageDetectorME detector;

    public LanguageDetection(Models models) {
        this.detector = new LanguageDetectorME(models.languages);
    }

    /** The detector's ranking of every language it knows for the message's words; null without words. */
    public Language[] rank(List<Token> tokens) {
        return wordCount(tokens) == 0 ? null : detector.predictLanguages(words(tokens));
    }

    /** The detector alone, over every language it knows: the first pass that builds the evidence. */
    public LanguageGuess unaided(List<Token> tokens, Language[] ranked) {
        if (ranked == null || wordCount(tokens) < 3) {
            return LanguageGuess.undetermined();
        }
        double ratio = ranked[0].getConfidence() / ranked[1].getConfidence();
        // Nearly flat answers say nothing; a clear lead on a real sentence does.
        return ratio < 1.15 ? LanguageGuess.undetermined()
                : new LanguageGuess(code(ranked[0].getLang()), (float) Math.min(1, ratio - 1));
    }

    /**
     * The message's language given the conversation's evidence. {@code ranking} is asked only when the
     * detector can change the answer: a message of fewer than five words in a conversation (and by an
     * author) of one language is that language whatever the detector says, so most messages of a
     * monolingual chat cost no detection at all.
     */
    public LanguageGuess decide(List<Token> tokens, Supplier<Language[]> ranking, LanguageEvidence evidence, Long author) {
        int wordCount = wordCount(tokens);
        if (wordCount == 0) {
            return LanguageGuess.undetermined();
        }
        Map<String, Double> prior = evidence.shares(author);
        List<String> profile = prior.entrySet().stream().filter(e -> e.getValue() >= IN_PROFILE).map(Map.Entry::getKey).toList();
        if (profile.size() == 1 && wordCount < 5) {
            return wordCount <= 2 && letters(tokens) < 4 ? LanguageGuess.undetermined()
                    : new LanguageGuess(profile.get(0), (float) Math.min(1.0, prior.get(profile.get(0))));
        }
        Language[] ranked = ranking.get();
        if (ranked == null) {
            return LanguageGuess.undetermined();
        }
        Map<String, Double> posterior = new HashMap<>();
        double best = ranked[0].getConfidence();
        for (Language l : ranked) {
            String code = code(l.getLang());
            double p = prior.getOrDefault(code, 0.0);
            boolean inProfile = p >= IN_PROFILE;
            // Outside the profile: only the detector's own favourite, only from a message that is long enough.
            boolean strongOutsider = !inProfile && l.getConfidence() == best && wordCount >= 5;
            if (inProfile || strongOutsider || prior.isEmpty() && l.getConfidence() == best) {
                double pr = inProfile ? p : 0.02;
                posterior.merge(code, Math.exp(MODEL_WEIGHT * Math.log(l.getConfidence()) * Math.sqrt(wordCount)
                        + Math.log(pr)), Double::sum);
            }
        }
        double sum = posterior.values().stream().mapToDouble(Double::doubleValue).sum();
        var top = posterior.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        if (top == null || sum == 0) {
            return LanguageGuess.undetermined();
        }
        double confidence = top.getValue() / sum;
        if (prior.isEmpty()) {
            // No evidence from the conversation: the detector alone, and only on a real sentence.
            double ratio = ranked.length > 1 ? ranked[0].getConfidence() / ranked[1].getConfidence() : 2;
            return wordCount >= 3 && ratio >= 1.15 ? new LanguageGuess(top.getKey(), (float) Math.min(1, ratio - 1))
                    : LanguageGuess.undetermined();
        }
        if (wordCount <= 2 && (confidence < SHORT_MESSAGE_CONFIDENCE || letters(tokens) < 4)) {
            // "ok", "k", "xd": no language can be told from so little, whatever the conversation speaks.
            return LanguageGuess.undetermined();
        }
        return new LanguageGuess(top.getKey(), (float) confidence);
    }

    static String code(String iso3) {
        return TWO_LETTER.getOrDefault(iso3, iso3);
    }

    static int wordCount(List<Token> tokens) {
        int n = 0;
        for (Token t : tokens) {
            if (t.isWord() && t.text().length() > 1 || t.isWord() && Character.isIdeographic(t.text().codePointAt(0))) {
                n++;
            }
        }
        return n;
    }

    private static int letters(List<Token> tokens) {
        int n = 0;
        for (Token t : tokens) {
            n += t.isWord() ? t.text().length() : 0;
        }
        return n;
    }

    private static String words(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (t.isWord()) {
                sb.append(t.text().toLowerCase(Locale.ROOT)).append(' ');
            }
        }
        return sb.toString();
    }
}
