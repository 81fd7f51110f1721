package io.conversa.application.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The NLP evaluation: runs the pipeline over the labelled set conversation by conversation, as
 * the server does (participants are the authors, no language known beforehand), and prints
 * accuracy per task and language; then measures throughput over the set repeated. Run by
 * {@code bench/nlp.sh}; its figures are in docs/NLP.md.
 */
public final class NlpEvaluation {

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        long loadStart = System.nanoTime();
        NlpPipeline pipeline = NlpPipeline.standalone();
        System.out.printf("models and lexicons loaded in %d ms%n", (System.nanoTime() - loadStart) / 1_000_000);
        for (String set : new String[] {"messages.tsv", "held-out.tsv"}) {
            System.out.println();
            System.out.println("== " + set + (set.startsWith("held") ? " (written after the pipeline was frozen; never tuned on)"
                    : " (the development set: lexicons and rules were adjusted while looking at it)"));
            evaluate(pipeline, LabelledMessages.byConversation(set));
        }
        System.out.println();
        throughput(LabelledMessages.byConversation("messages.tsv"), repeats);
    }

    private static void evaluate(NlpPipeline pipeline, Map<String, List<LabelledMessages.Labelled>> conversations) {
        Map<String, int[]> language = new TreeMap<>();
        Map<String, int[]> languageShort = new TreeMap<>();
        Map<String, int[]> sentiment = new TreeMap<>();
        Map<String, int[]> entityKinds = new TreeMap<>();
        int[] undetermined = new int[2];
        List<String> misses = new ArrayList<>();
        for (var conversation : conversations.entrySet()) {
            List<LabelledMessages.Labelled> labelled = conversation.getValue();
            List<Enrichment> found = pipeline.enrich(texts(labelled), facts(labelled));
            for (int i = 0; i < labelled.size(); i++) {
                var l = labelled.get(i);
                var e = found.get(i);
                int words = LanguageDetection.wordCount(new RuleTokenizer().tokenize(l.text()));
                if ("und".equals(l.language())) {
                    count(undetermined, !e.language().determined());
                    if (e.language().determined()) {
                        misses.add("language und -> " + e.language() + ": " + l.text());
                    }
                } else {
                    boolean right = l.language().equals(e.language().language());
                    count(language.computeIfAbsent(l.language(), k -> new int[2]), right);
                    count(language.computeIfAbsent("all", k -> new int[2]), right);
                    if (words >= 3) {
                        count(languageShort.computeIfAbsent(l.language(), k -> new int[2]), right);
                        count(languageShort.computeIfAbsent("all", k -> new int[2]), right);
                    }
                    if (!right) {
                        misses.add("language " + l.language() + " -> " + e.language() + ": " + l.text());
                    }
                }
                if ("pos".equals(l.sentiment()) || "neg".equals(l.sentiment())) {
                    boolean right = "pos".equals(l.sentiment()) ? e.sentiment().polarity() > 0.05 : e.sentiment().polarity() < -0.05;
                    String lang = "und".equals(l.language()) ? "und" : l.language();
                    count(sentiment.computeIfAbsent(lang, k -> new int[2]), right);
                    count(sentiment.computeIfAbsent("all", k -> new int[2]), right);
                    if (!right) {
                        misses.add("sentiment " + l.sentiment() + " -> " + e.sentiment().polarity() + ": " + l.text());
                    }
                }
                entities(l, e, entityKinds, misses);
            }
        }
        print("language, all messages with a language", language);
        print("language, messages of 3+ words", languageShort);
        System.out.printf("undetermined where no language can be told (emoji, links, 'ok'): %d of %d%n", undetermined[0],
                undetermined[1]);
        print("sentiment sign, clearly positive/negative messages", sentiment);
        System.out.println("entities: kind  found-right / found  (precision)  found-right / labelled  (recall)");
        entityKinds.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-9s %3d / %3d  (%5.1f%%)   %3d / %3d  (%5.1f%%)%n", k,
                v[0], v[1], pct(v[0], v[1]), v[2], v[3], pct(v[2], v[3])));
        if (System.getProperty("misses") != null) {
            misses.forEach(m -> System.out.println("  miss: " + m));
        }
    }

    private static void entities(LabelledMessages.Labelled l, Enrichment e, Map<String, int[]> kinds, List<String> misses) {
        List<String> found = e.entities().stream().map(x -> x.kind() + "=" + x.text()).toList();
        for (String f : found) {
            int[] k = kinds.computeIfAbsent(f.substring(0, f.indexOf('=')), x -> new int[4]);
            k[1]++;
            if (l.entities().contains(f)) {
                k[0]++;
            } else {
                misses.add("entity extra " + f + ": " + l.text());
            }
        }
        for (String want : l.entities()) {
            int[] k = kinds.computeIfAbsent(want.substring(0, want.indexOf('=')), x -> new int[4]);
            k[3]++;
            if (found.contains(want)) {
                k[2]++;
            } else {
                misses.add("entity missed " + want + ": " + l.text());
            }
        }
    }

    static List<MessageText> texts(List<LabelledMessages.Labelled> labelled) {
        Map<String, Long> ids = new HashMap<>();
        List<MessageText> out = new ArrayList<>();
        long id = 0;
        for (var l : labelled) {
            long author = ids.computeIfAbsent(l.author(), a -> (long) ids.size() + 1);
            out.add(new MessageText(++id, author, l.sent(), l.text()));
        }
        return out;
    }

    static ConversationFacts facts(List<LabelledMessages.Labelled> labelled) {
        List<String> names = labelled.stream().map(LabelledMessages.Labelled::author).distinct().toList();
        return new ConversationFacts(new LanguageEvidence(), names, region(labelled.get(0).conversation()), true);
    }

    /** Phone region as the server takes it from the participants' numbers; these fixtures have none, so by place. */
    private static String region(String conversation) {
        return switch (conversation.substring(0, 2)) {
            case "en" -> "GB";
            case "es" -> "ES";
            case "pt" -> "BR";
            case "de" -> "DE";
            case "fr" -> "FR";
            default -> "ZZ";
        };
    }

    private static void throughput(Map<String, List<LabelledMessages.Labelled>> conversations, int repeats) throws Exception {
        List<List<LabelledMessages.Labelled>> all = new ArrayList<>(conversations.values());
        int perRun = all.stream().mapToInt(List::size).sum() * repeats;
        for (int threads : new int[] {1, 2}) {
            run(all, repeats / 4, threads); // warm-up
            long start = System.nanoTime();
            run(all, repeats, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "throughput, %d thread(s): %d messages in %.2f s = %.0f messages/s%n", threads,
                    perRun, seconds, perRun / seconds);
        }
    }

    /** Each thread its own pipeline, as each MDB instance has; batches of a conversation repeated up to ~1000 messages. */
    private static void run(List<List<LabelledMessages.Labelled>> conversations, int repeats, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        SentimentAnalysis sentiment = new SentimentAnalysis();
        EntityExtraction entities = new EntityExtraction();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = repeats / threads;
            done.add(pool.submit(() -> {
                NlpPipeline p = new NlpPipeline(Models.get(), sentiment, entities);
                for (var c : conversations) {
                    List<MessageText> batch = new ArrayList<>();
                    List<MessageText> one = texts(c);
                    for (int r = 0; r < share; r++) {
                        batch.addAll(one);
                        if (batch.size() >= 1000 || r == share - 1) {
                            p.enrich(batch, facts(c));
                            batch.clear();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static void count(int[] tally, boolean right) {
        tally[0] += right ? 1 : 0;
        tally[1]++;
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }

    private static void print(String title, Map<String, int[]> tally) {
        System.out.println(title + ":");
        tally.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-4s %3d / %3d  %5.1f%%%n", k, v[0], v[1], pct(v[0], v[1])));
    }
}
