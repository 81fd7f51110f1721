package io.conversa.application.nlp;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.langdetect.Language;

/**
 * Enriches a batch of one conversation's messages: tokens, language (helped by what the conversation
 * says), sentiment and emotion, entities. When the conversation has little language evidence yet,
 * a first pass of the unaided detector over the batch's longer messages builds it; each decided
 * message then adds to it, so later batches lean on earlier ones. One instance per thread (the
 * OpenNLP detectors inside are not thread-safe); the models behind them are shared.
 */
public final class NlpPipeline {

    /** Below this many known messages the batch itself is read first to learn the conversation's languages. */
    static final int ENOUGH_EVIDENCE = 30;

    private final RuleTokenizer rules = new RuleTokenizer();
    private final ChatTokenizer tokenizer;
    private final LanguageDetection languages;
    private final SentimentAnalysis sentiment;
    private final EntityExtraction entities;

    public NlpPipeline(Models models, SentimentAnalysis sentiment, EntityExtraction entities) {
        this.tokenizer = new ChatTokenizer(models);
        this.languages = new LanguageDetection(models);
        this.sentiment = sentiment;
        this.entities = entities;
    }

    /** A pipeline with its own lexicons; the server shares one {@link SentimentAnalysis} and {@link EntityExtraction}. */
    public static NlpPipeline standalone() {
        return new NlpPipeline(Models.get(), new SentimentAnalysis(), new EntityExtraction());
    }

    public List<Enrichment> enrich(List<MessageText> batch, ConversationFacts facts) {
        List<List<Token>> tokens = new ArrayList<>(batch.size());
        Language[][] ranked = new Language[batch.size()][];
        for (MessageText m : batch) {
            tokens.add(rules.tokenize(m.text()));
        }
        LanguageEvidence evidence = facts.languages();
        if (evidence.total() < ENOUGH_EVIDENCE) {
            for (int i = 0; i < batch.size(); i++) {
                if (LanguageDetection.wordCount(tokens.get(i)) >= 3) {
                    ranked[i] = languages.rank(tokens.get(i));
                    evidence.add(batch.get(i).author(), languages.unaided(tokens.get(i), ranked[i]).language(), 1);
                }
            }
        }
        var participants = facts.participants();
        List<Enrichment> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MessageText m = batch.get(i);
            List<Token> t = tokens.get(i);
            int at = i;
            LanguageGuess language = languages.decide(t,
                    () -> ranked[at] != null ? ranked[at] : (ranked[at] = languages.rank(tokens.get(at))), evidence, m.author());
            if (language.determined() && LanguageDetection.wordCount(t) >= 3) {
                evidence.add(m.author(), language.language(), 1);
            }
            String lang = language.language();
            if ("en".equals(lang)) {
                t = tokenizer.tokenize(m.text(), lang);
            }
            // An undetermined message (emoji, a link, "ok") is read in the conversation's main language.
            String readAs = language.determined() ? lang : mainLanguage(evidence);
            Sentiment s = sentiment.analyse(t, readAs);
            MessageContext context = new MessageContext(m.sentOn(), facts.phoneRegion(), facts.dayFirst(), facts.participantNames());
            out.add(new Enrichment(m.id(), language, s, entities.extract(m.text(), t, readAs, context, participants)));
        }
        return out;
    }

    private static String mainLanguage(LanguageEvidence evidence) {
        return evidence.counts().entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse(LanguageGuess.UNDETERMINED);
    }
}
