package io.conversa.application;

import io.conversa.application.nlp.ConversationTerms;
import io.conversa.application.nlp.EntityExtraction;
import io.conversa.application.nlp.Models;
import io.conversa.application.nlp.NlpPipeline;
import io.conversa.application.nlp.SentimentAnalysis;
import io.conversa.application.nlp.TermAnalysis;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The NLP models and lexicons of this server, loaded once, on the first enrichment rather than at
 * start (they take a few seconds and some 100 MB): the thread-safe parts are shared, and each
 * caller gets its own pipeline around them because OpenNLP's detectors are not thread-safe.
 */
@ApplicationScoped
public class NlpResources {

    private volatile Shared shared;

    private record Shared(SentimentAnalysis sentiment, EntityExtraction entities, TermAnalysis terms) {
    }

    private Shared shared() {
        Shared s = shared;
        if (s == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = new Shared(new SentimentAnalysis(), new EntityExtraction(), new TermAnalysis());
                }
                s = shared;
            }
        }
        return s;
    }

    /** A new pipeline for one thread's use. */
    public NlpPipeline pipeline() {
        Shared s = shared();
        return new NlpPipeline(Models.get(), s.sentiment(), s.entities());
    }

    public ConversationTerms terms() {
        return new ConversationTerms(shared().terms());
    }
}
