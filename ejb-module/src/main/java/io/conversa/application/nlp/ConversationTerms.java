package io.conversa.application.nlp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A conversation's keywords and topics, overall and per month, from its messages and the languages
 * the pipeline found for them. Messages are analysed in their own language (an undetermined one in
 * the conversation's main language); a topic document is one day of the conversation, and a month
 * gets topics of its own when it has enough days.
 */
public final class ConversationTerms {

    /** A message as this step reads it. */
    public record Entry(LocalDate day, String language, String text) {
    }

    /** What the step found: keywords and topics by period ("all", then "yyyy-MM"). */
    public record Result(Map<String, List<Keyword>> keywords, Map<String, List<Topic>> topics) {
    }

    /** A month gets topics of its own only with this many days of messages; fewer say too little for LDA. */
    static final int DAYS_FOR_MONTH_TOPICS = 8;

    public static final int KEYWORDS_PER_PERIOD = 20;

    private final TermAnalysis analysis;
    private final KeywordExtraction keywords = new KeywordExtraction();
    private final TopicModel topics = new TopicModel();

    public ConversationTerms(TermAnalysis analysis) {
        this.analysis = analysis;
    }

    public Result of(List<Entry> messages) {
        Map<String, Integer> languages = new HashMap<>();
        messages.forEach(m -> languages.merge(m.language() == null ? "und" : m.language(), 1, Integer::sum));
        languages.remove("und");
        String main = languages.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("und");
        List<KeywordExtraction.Document> documents = new ArrayList<>(messages.size());
        Map<LocalDate, List<String>> days = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        for (Entry m : messages) {
            String lang = m.language() == null || "und".equals(m.language()) ? main : m.language();
            List<TermAnalysis.Term> terms = analysis.terms(m.text(), lang);
            if (terms.isEmpty()) {
                continue;
            }
            documents.add(new KeywordExtraction.Document(m.day().toString().substring(0, 7), terms));
            List<String> day = days.computeIfAbsent(m.day(), d -> new ArrayList<>());
            for (TermAnalysis.Term t : terms) {
                day.add(t.stem());
                surfaces.computeIfAbsent(t.stem(), s -> new HashMap<>()).merge(t.surface(), 1, Integer::sum);
            }
        }
        Map<String, String> surface = new HashMap<>();
        surfaces.forEach((stem, forms) -> surface.put(stem,
                forms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(stem)));
        Map<String, List<Topic>> byPeriod = new TreeMap<>();
        List<List<String>> all = new ArrayList<>(days.values());
        List<Topic> overall = topics.topics(all, surface, TopicModel.topicCount(all.size()));
        if (!overall.isEmpty()) {
            byPeriod.put(KeywordExtraction.ALL, overall);
        }
        Map<String, List<List<String>>> months = new TreeMap<>();
        days.forEach((day, terms) -> months.computeIfAbsent(day.toString().substring(0, 7), m -> new ArrayList<>()).add(terms));
        months.forEach((month, docs) -> {
            if (docs.size() >= DAYS_FOR_MONTH_TOPICS) {
                List<Topic> found = topics.topics(docs, surface, TopicModel.topicCount(docs.size()));
                if (!found.isEmpty()) {
                    byPeriod.put(month, found);
                }
            }
        });
        return new Result(keywords.keywords(documents, KEYWORDS_PER_PERIOD), byPeriod);
    }
}
