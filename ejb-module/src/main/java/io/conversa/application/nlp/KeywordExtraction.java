package io.conversa.application.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * TF-IDF keywords and 1-3-word phrases of a conversation, overall and per period (month). A
 * message is a document: a term's weight in a period is how often the period uses it times
 * log(messages / messages using it) over the whole conversation, so words every message uses
 * sink and the period's own subjects rise. Phrases count only where their words follow each other
 * without a stop word or punctuation between, must occur at least twice, and a phrase replaces the
 * single words it is made of when it scores as well. Terms are stems; each is shown as its most
 * frequent written form.
 */
public final class KeywordExtraction {

    /** A message's terms and the period it belongs to (e.g. "2024-05"). */
    public record Document(String period, List<TermAnalysis.Term> terms) {
    }

    static final int MAX_WORDS = 3;

    public Map<String, List<Keyword>> keywords(List<Document> documents, int perPeriod) {
        Map<String, Integer> df = new HashMap<>();
        Map<String, Map<String, Integer>> tf = new TreeMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        for (Document d : documents) {
            Set<String> seen = new HashSet<>();
            Map<String, Integer> periodTf = tf.computeIfAbsent(d.period(), p -> new HashMap<>());
            Map<String, Integer> allTf = tf.computeIfAbsent(ALL, p -> new HashMap<>());
            forEachGram(d.terms(), (key, surface) -> {
                if (seen.add(key)) {
                    df.merge(key, 1, Integer::sum);
                }
                periodTf.merge(key, 1, Integer::sum);
                allTf.merge(key, 1, Integer::sum);
                surfaces.computeIfAbsent(key, k -> new HashMap<>()).merge(surface, 1, Integer::sum);
                return null;
            });
        }
        Map<String, List<Keyword>> out = new TreeMap<>();
        int n = documents.size();
        for (var period : tf.entrySet()) {
            List<Keyword> ranked = new ArrayList<>();
            for (var e : period.getValue().entrySet()) {
                int words = e.getKey().split(" ").length;
                if (words > 1 && e.getValue() < 2) {
                    continue;
                }
                double idf = Math.log((double) n / df.get(e.getKey())) + 1;
                ranked.add(new Keyword(mostFrequent(surfaces.get(e.getKey())), words,
                        e.getValue() * idf * (1 + 0.5 * (words - 1)), e.getValue()));
            }
            ranked.sort(Comparator.comparingDouble(Keyword::score).reversed().thenComparing(Keyword::phrase));
            out.put(period.getKey(), dropCovered(ranked, perPeriod));
        }
        return out;
    }

    /** The period key of the whole conversation. */
    public static final String ALL = "all";

    /** Single words already shown inside a higher-ranked phrase add nothing. */
    private static List<Keyword> dropCovered(List<Keyword> ranked, int limit) {
        List<Keyword> kept = new ArrayList<>();
        for (Keyword k : ranked) {
            if (kept.size() == limit) {
                break;
            }
            boolean covered = k.words() == 1 && kept.stream()
                    .anyMatch(p -> p.words() > 1 && (" " + p.phrase() + " ").contains(" " + k.phrase() + " "));
            if (!covered) {
                kept.add(k);
            }
        }
        return kept;
    }

    private static void forEachGram(List<TermAnalysis.Term> terms, java.util.function.BiFunction<String, String, Void> use) {
        for (int i = 0; i < terms.size(); i++) {
            StringBuilder key = new StringBuilder();
            StringBuilder surface = new StringBuilder();
            for (int n = 0; n < MAX_WORDS && i + n < terms.size(); n++) {
                TermAnalysis.Term t = terms.get(i + n);
                if (n > 0) {
                    if (!t.adjacent()) {
                        break;
                    }
                    key.append(' ');
                    surface.append(' ');
                }
                key.append(t.stem());
                surface.append(t.surface());
                use.apply(key.toString(), surface.toString());
            }
        }
    }

    private static String mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElseThrow();
    }

}
