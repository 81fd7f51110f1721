package io.conversa.application.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Topics by latent Dirichlet allocation, written here (collapsed Gibbs sampling, about a hundred
 * lines) because no well-kept Java LDA library with an AGPL-compatible licence and a Maven Central
 * release fits: MALLET is not on Central in a current version, and Spark MLlib is far too big for
 * an EAR. Documents are groups of messages (a day of the conversation), since one chat message
 * holds too few words for LDA; terms are stems that occur in at least three documents and in no
 * more than half of them. The seed is fixed, so a rerun on the same messages finds the same topics.
 */
public final class TopicModel {

    static final double ALPHA = 0.1;
    static final double BETA = 0.01;
    static final int ITERATIONS = 150;
    static final int TOP_TERMS = 8;

    /**
     * @param documents each a list of terms (stems), with {@code surface} giving a stem's written form
     * @param topics how many topics to look for
     */
    public List<Topic> topics(List<List<String>> documents, Map<String, String> surface, int topics) {
        Map<String, Integer> df = new HashMap<>();
        for (List<String> d : documents) {
            d.stream().distinct().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        List<String> vocabulary = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        df.forEach((term, n) -> {
            if (n >= 3 && n <= Math.max(3, documents.size() / 2)) {
                index.put(term, -1);
            }
        });
        index.keySet().stream().sorted().forEach(t -> {
            index.put(t, vocabulary.size());
            vocabulary.add(t);
        });
        List<int[]> docs = new ArrayList<>();
        for (List<String> d : documents) {
            int[] words = d.stream().filter(index::containsKey).mapToInt(index::get).toArray();
            if (words.length > 0) {
                docs.add(words);
            }
        }
        if (vocabulary.isEmpty() || docs.size() < 2 || topics < 1) {
            return List.of();
        }
        return sample(docs, vocabulary, surface, topics);
    }

    private static List<Topic> sample(List<int[]> docs, List<String> vocabulary, Map<String, String> surface, int k) {
        int v = vocabulary.size();
        int[][] topicWord = new int[k][v];
        int[] topicTotal = new int[k];
        int[][] docTopic = new int[docs.size()][k];
        int[][] assignment = new int[docs.size()][];
        Random random = new Random(42);
        for (int d = 0; d < docs.size(); d++) {
            int[] words = docs.get(d);
            assignment[d] = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                int z = random.nextInt(k);
                assignment[d][i] = z;
                topicWord[z][words[i]]++;
                topicTotal[z]++;
                docTopic[d][z]++;
            }
        }
        double[] p = new double[k];
        for (int it = 0; it < ITERATIONS; it++) {
            for (int d = 0; d < docs.size(); d++) {
                int[] words = docs.get(d);
                for (int i = 0; i < words.length; i++) {
                    int w = words[i];
                    int z = assignment[d][i];
                    topicWord[z][w]--;
                    topicTotal[z]--;
                    docTopic[d][z]--;
                    double sum = 0;
                    for (int t = 0; t < k; t++) {
                        sum += (docTopic[d][t] + ALPHA) * (topicWord[t][w] + BETA) / (topicTotal[t] + v * BETA);
                        p[t] = sum;
                    }
                    double u = random.nextDouble() * sum;
                    z = 0;
                    while (z < k - 1 && p[z] < u) {
                        z++;
                    }
                    assignment[d][i] = z;
                    topicWord[z][w]++;
                    topicTotal[z]++;
                    docTopic[d][z]++;
                }
            }
        }
        long total = 0;
        for (int t : topicTotal) {
            total += t;
        }
        List<Topic> out = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            if (topicTotal[t] == 0) {
                continue;
            }
            final int topic = t;
            List<String> top = java.util.stream.IntStream.range(0, v).boxed()
                    .sorted(Comparator.comparingInt((Integer w) -> -topicWord[topic][w]).thenComparing(vocabulary::get))
                    .limit(TOP_TERMS).filter(w -> topicWord[topic][w] > 0)
                    .map(w -> surface.getOrDefault(vocabulary.get(w), vocabulary.get(w))).toList();
            out.add(new Topic(t, topicTotal[t] / (double) total, top));
        }
        out.sort(Comparator.comparingDouble(Topic::weight).reversed());
        List<Topic> numbered = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            numbered.add(new Topic(i + 1, out.get(i).weight(), out.get(i).terms()));
        }
        return numbered;
    }

    /** A number of topics for a conversation of this many documents: more days, more subjects, at most eight. */
    public static int topicCount(int documents) {
        return (int) Math.max(2, Math.min(8, Math.round(Math.sqrt(documents / 3.0))));
    }
}
