package io.conversa.infrastructure.index;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of message text, defined once for each backend so that a deployment can switch
 * between embedded Lucene and Elasticsearch without changing what a query finds. Words are stemmed
 * before accents are folded, because the stemmers expect the accented spelling.
 *
 * <p>The language fields keep their stop words. With them removed, a quoted phrase shrank in those
 * fields to its other words: "good to have" became the single term {@code good} in {@code text_en}
 * ("to" and "have" are English stop words), so once NLP had marked messages as English the phrase
 * matched every English message with "good". Removing them gained nothing else: every word of a
 * query must match anyway, in the folded field if not in the stemmed one, and BM25 already gives
 * common words little weight.
 */
public class MessageAnalysis implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(IndexLanguage.FOLDED).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
        for (IndexLanguage language : IndexLanguage.values()) {
            context.analyzer(language.analyzer()).custom()
                    .tokenizer(StandardTokenizerFactory.class)
                    .tokenFilter(LowerCaseFilterFactory.class)
                    .tokenFilter(SnowballPorterFilterFactory.class).param("language", language.snowball())
                    .tokenFilter(ASCIIFoldingFilterFactory.class);
        }
    }

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(IndexLanguage.FOLDED).custom().tokenizer("standard").tokenFilters("lowercase", "asciifolding");
        for (IndexLanguage language : IndexLanguage.values()) {
            String stem = "stem_" + language.code();
            context.tokenFilter(stem).type("snowball").param("language", language.snowball());
            context.analyzer(language.analyzer()).custom().tokenizer("standard")
                    .tokenFilters("lowercase", stem, "asciifolding");
        }
    }
}
