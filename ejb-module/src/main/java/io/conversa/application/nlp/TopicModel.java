package io.conversa.application.nlp;

import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureSequence;
import cc.mallet.types.IDSorter;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Topics by latent Dirichlet allocation with MALLET's {@link ParallelTopicModel} (collapsed Gibbs
 * sampling, Apache-2.0). Documents are groups of messages (a day of the conversation), since one
 * chat message holds too few words for LDA; terms are stems that occur in at least three documents
 * and in no more than half of them. One sampling thread (the server's threads are the container's)
 * and a fixed seed, so a rerun on the same messages finds the same topics.
 */
public final class TopicModel {

    static final double ALPHA = 0.1;
    static final double BETA = 0.01;
    static final int ITERATIONS = 150;
    static final int TOP_TERMS = 8;

    static {
        // MALLET reports every few iterations at INFO; the server log needs none of it.
        Logger.getLogger("cc.mallet").setLevel(Level.WARNING);
        ParallelTopicModel.logger.setLevel(Level.WARNING);
    }

    /**
     * @param documents each a list of terms (stems), with {@code surface} giving a stem's written form
     * @param topics how many topics to look for
     */
    public List<Topic> topics(List<List<String>> documents, Map<String, String> surface, int topics) {
        Map<String, Integer> df = new HashMap<>();
        for (List<String> d : documents) {
            d.stream().distinct().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        int most = Math.max(3, documents.size() / 2);
        Alphabet vocabulary = new Alphabet();
        InstanceList instances = new InstanceList(vocabulary, null);
        for (List<String> d : documents) {
            FeatureSequence words = new FeatureSequence(vocabulary);
            for (String term : d) {
                int n = df.get(term);
                if (n >= 3 && n <= most) {
                    words.add(term);
                }
            }
            if (words.getLength() > 0) {
                instances.add(new Instance(words, null, "day" + instances.size(), null));
            }
        }
        if (vocabulary.size() == 0 || instances.size() < 2 || topics < 1) {
            return List.of();
        }
        return estimate(instances, surface, topics);
    }

    private static List<Topic> estimate(InstanceList instances, Map<String, String> surface, int k) {
        ParallelTopicModel model = new ParallelTopicModel(k, ALPHA * k, BETA);
        model.setRandomSeed(42);
        model.setNumThreads(1);
        model.setNumIterations(ITERATIONS);
        model.setTopicDisplay(ITERATIONS + 1, 0);
        model.addInstances(instances);
        try {
            model.estimate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = 0;
        for (int t : model.tokensPerTopic) {
            total += t;
        }
        List<Topic> out = new ArrayList<>();
        List<TreeSet<IDSorter>> sorted = model.getSortedWords();
        for (int t = 0; t < k; t++) {
            if (model.tokensPerTopic[t] == 0) {
                continue;
            }
            List<String> top = new ArrayList<>();
            for (IDSorter word : sorted.get(t)) {
                if (top.size() == TOP_TERMS || word.getWeight() <= 0) {
                    break;
                }
                String stem = (String) instances.getDataAlphabet().lookupObject(word.getID());
                top.add(surface.getOrDefault(stem, stem));
            }
            out.add(new Topic(t, model.tokensPerTopic[t] / (double) total, top));
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
