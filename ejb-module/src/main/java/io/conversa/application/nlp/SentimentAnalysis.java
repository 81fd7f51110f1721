package io.conversa.application.nlp;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lexicon sentiment in the manner of VADER: each word, emoji and emoticon with a valence adds it,
 * scaled up by a booster before it ("very", "muy", "sehr"...), flipped and damped by a negation in
 * the three tokens before it, weighted towards what follows a contrast ("but", "pero", "aber"...),
 * and raised by capitals and exclamation marks; the sum is squashed into -1..1 as VADER does.
 * English uses VADER's lexicon (MIT); Spanish, Portuguese, German and French use lexicons written
 * for Conversa; emoji count in every language. Subjectivity is the share of opinion signals among
 * the words; the emotion is the category with most cue weight, or joy/sadness for a strong
 * polarity without a cue. Thread-safe once built.
 */
public final class SentimentAnalysis {

    static final String[] LANGUAGES = {"en", "es", "pt", "de", "fr"};

    private static final double NEGATION = -0.74;
    private static final double BOOST = 0.293;
    private static final double VADER_ALPHA = 15;

    private static final Map<String, Set<String>> NEGATORS = Map.of(
            "en", Set.of("not", "no", "never", "n't", "didn", "doesn", "isn", "wasn", "aren", "won", "can't", "couldn", "wouldn", "shouldn", "haven", "hasn", "nothing", "nobody", "none", "neither", "nor", "cannot", "dont", "don't",
                    "doesnt", "didnt", "isnt", "wasnt", "arent", "wont", "cant", "aint", "without"),
            "es", Set.of("no", "nunca", "jamás", "jamas", "nada", "nadie", "ni", "tampoco", "sin"),
            "pt", Set.of("não", "nao", "nunca", "jamais", "nada", "ninguém", "nem", "sem", "tampouco"),
            "de", Set.of("nicht", "kein", "keine", "keinen", "keiner", "keinem", "nie", "niemals", "nichts", "niemand", "ohne", "weder"),
            "fr", Set.of("ne", "pas", "jamais", "rien", "personne", "aucun", "aucune", "sans", "ni", "n'"));
    private static final Map<String, Set<String>> BOOSTERS = Map.of(
            "en", Set.of("very", "so", "really", "too", "extremely", "super", "totally", "absolutely", "incredibly", "soo", "sooo", "most"),
            "es", Set.of("muy", "tan", "súper", "super", "re", "demasiado", "bastante", "realmente", "mega", "tremendo"),
            "pt", Set.of("muito", "muita", "tão", "super", "demais", "bem", "bastante", "realmente", "mega"),
            "de", Set.of("sehr", "so", "total", "echt", "wirklich", "extrem", "mega", "voll", "ganz", "richtig", "zu"),
            "fr", Set.of("très", "tres", "trop", "vraiment", "super", "tellement", "si", "hyper", "grave", "carrément"));
    private static final Map<String, Set<String>> CONTRASTS = Map.of(
            "en", Set.of("but", "however"), "es", Set.of("pero", "aunque", "sin embargo"), "pt", Set.of("mas", "porém", "contudo"),
            "de", Set.of("aber", "jedoch", "doch"), "fr", Set.of("mais", "pourtant", "cependant"));

    private static final Pattern ELISION = Pattern.compile("^(?:[jldnmtsc]|qu)'");

    private final Map<String, Lexicon<Double>> valence = new HashMap<>();
    private final Lexicon<Double> symbols = new Lexicon<>();
    private final Map<String, Lexicon<String>> emotions = new HashMap<>();
    private final Map<String, String> emojiEmotion = new HashMap<>();

    public SentimentAnalysis() {
        Lexicon<Double> en = new Lexicon<>();
        Lexicon.read("/nlp/sentiment/en-vader.tsv", (f, n) -> {
            double v = Double.parseDouble(f[1]);
            // VADER's emoticons (":)", "<3") are no language's: they count everywhere.
            (f[0].chars().anyMatch(Character::isLetter) && !f[0].matches("[:;=xX8][-']?[a-zA-Z]") ? en : symbols).put(f[0], v);
        });
        valence.put("en", en);
        for (String lang : new String[] {"es", "pt", "de", "fr"}) {
            Lexicon<Double> lex = new Lexicon<>();
            Lexicon.read("/nlp/sentiment/" + lang + ".txt", (f, n) -> lex.put(f[0], Double.parseDouble(f[1])));
            valence.put(lang, lex);
        }
        Lexicon.read("/nlp/sentiment/emoji.txt", (f, n) -> {
            symbols.put(f[0], Double.parseDouble(f[1]));
            if (!"-".equals(f[2])) {
                emojiEmotion.put(f[0], f[2]);
            }
        });
        Lexicon.read("/nlp/sentiment/emotions.txt",
                (f, n) -> emotions.computeIfAbsent(f[0], l -> new Lexicon<>()).put(f[1], f[2]));
    }

    /** Whether the language has a word lexicon; other languages get emoji and emoticon signals only. */
    public static boolean supports(String language) {
        return List.of(LANGUAGES).contains(language);
    }

    public Sentiment analyse(List<Token> tokens, String language) {
        Lexicon<Double> words = valence.get(language);
        Lexicon<String> cues = emotions.get(language);
        Set<String> negators = NEGATORS.getOrDefault(language, Set.of());
        Set<String> boosters = BOOSTERS.getOrDefault(language, Set.of());
        Set<String> contrasts = CONTRASTS.getOrDefault(language, Set.of());
        double[] scores = new double[tokens.size()];
        Map<String, Double> emotionWeight = new HashMap<>();
        int wordCount = 0;
        int signals = 0;
        int contrastAt = -1;
        int exclamations = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String lower = t.text().toLowerCase(Locale.ROOT).replace('’', '\'');
            boolean elidedNegation = false;
            if ("fr".equals(language) && t.isWord() && ELISION.matcher(lower).find()) {
                // "j'adore", "n'aime": the word is what follows the elided pronoun or negation.
                elidedNegation = lower.startsWith("n'");
                lower = ELISION.matcher(lower).replaceFirst("");
            }
            if (t.kind() == Token.Kind.PUNCT) {
                exclamations += "!".equals(lower) ? 1 : 0;
                continue;
            }
            if (t.isWord()) {
                wordCount++;
                if (contrasts.contains(lower)) {
                    contrastAt = i;
                }
            }
            Double v = null;
            String emotion = null;
            if (t.kind() == Token.Kind.EMOJI) {
                String base = Emoji.base(t.text());
                v = symbols.get(base);
                emotion = emojiEmotion.get(base);
            } else if (t.kind() == Token.Kind.EMOTICON) {
                v = symbols.get(lower);
                emotion = v == null ? null : v > 0 ? "joy" : "sadness";
            } else if (t.isWord()) {
                v = words == null ? null : words.get(lower);
                emotion = cues == null ? null : cues.get(lower);
            }
            if (emotion != null) {
                emotionWeight.merge(emotion, 1.0, Double::sum);
                signals++;
            }
            if (v == null || boosters.contains(lower) && i + 1 < tokens.size()) {
                continue;
            }
            signals += emotion == null ? 1 : 0;
            double s = v;
            if (t.isWord() && t.text().length() > 2 && t.text().equals(t.text().toUpperCase(Locale.ROOT))
                    && !t.text().equals(lower)) {
                s += Math.signum(s) * 0.733;
            }
            if (elidedNegation) {
                s *= NEGATION;
            }
            for (int back = 1; back <= 3 && i - back >= 0 && !elidedNegation; back++) {
                Token previous = tokens.get(i - back);
                if (previous.kind() == Token.Kind.PUNCT) {
                    break; // a negation does not reach over a comma or a full stop
                }
                String before = previous.text().toLowerCase(Locale.ROOT).replace('’', '\'');
                if (boosters.contains(before)) {
                    s += Math.signum(s) * BOOST * (back == 1 ? 1 : 0.95);
                }
                // English "no" negates only what follows it at once ("no good"), not "oh no, that's awful".
                boolean negates = (negators.contains(before) || "en".equals(language) && before.endsWith("n't")) && !("en".equals(language) && "no".equals(before) && back > 1);
                if (negates && t.kind() != Token.Kind.EMOJI) {
                    s *= NEGATION;
                    break;
                }
            }
            // French negates after the verb too ("j'aime pas"), German puts "nicht" last ("gefällt mir überhaupt nicht").
            if (("fr".equals(language) || "de".equals(language)) && t.isWord() && negatedAfter(tokens, i, negators)) {
                s *= NEGATION;
            }
            scores[i] = s;
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double w = contrastAt < 0 ? 1 : i < contrastAt ? 0.5 : 1.5;
            sum += scores[i] * w;
        }
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(4, exclamations) * 0.292;
        }
        double polarity = sum / Math.sqrt(sum * sum + VADER_ALPHA);
        double subjectivity = Math.min(1.0, signals / Math.max(1.0, Math.sqrt(Math.max(wordCount, 1)) * 1.5));
        return new Sentiment((float) polarity, (float) subjectivity, emotion(emotionWeight, polarity));
    }

    private static boolean negatedAfter(List<Token> tokens, int i, Set<String> negators) {
        for (int ahead = 1; ahead <= 3 && i + ahead < tokens.size(); ahead++) {
            Token next = tokens.get(i + ahead);
            if (next.kind() == Token.Kind.PUNCT) {
                return false;
            }
            String w = next.text().toLowerCase(Locale.ROOT);
            if (negators.contains(w) && !"ne".equals(w) && !"n'".equals(w)) {
                return true;
            }
        }
        return false;
    }

    private static String emotion(Map<String, Double> weights, double polarity) {
        var top = weights.entrySet().stream().max(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElse(null);
        if (top != null) {
            return top.getKey();
        }
        if (polarity >= 0.5) {
            return "joy";
        }
        return polarity <= -0.5 ? "sadness" : Sentiment.NEUTRAL;
    }

    int lexiconSize(String language) {
        return valence.containsKey(language) ? valence.get(language).size() : 0;
    }

}
