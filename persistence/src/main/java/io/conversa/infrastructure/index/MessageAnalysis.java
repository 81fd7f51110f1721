package io.conversa.infrastructure.index;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of message text, defined once for each backend so that a deployment can switch
 * between embedded Lucene and Elasticsearch without changing what a query finds. Stop words are
 * removed and words stemmed before accents are folded, because the stop lists and stemmers expect
 * the accented spelling.
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
                    .tokenFilter(StopFilterFactory.class)
                        .param("words", "org/apache/lucene/analysis/snowball/" + language.stopList() + "_stop.txt")
                        .param("format", "snowball")
                        .param("ignoreCase", "true")
                    .tokenFilter(SnowballPorterFilterFactory.class).param("language", language.snowball())
                    .tokenFilter(ASCIIFoldingFilterFactory.class);
        }
    }

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(IndexLanguage.FOLDED).custom().tokenizer("standard").tokenFilters("lowercase", "asciifolding");
        for (IndexLanguage language : IndexLanguage.values()) {
            String stop = "stop_" + language.code();
            String stem = "stem_" + language.code();
            context.tokenFilter(stop).type("stop").param("stopwords", "_" + language.stopList() + "_");
            context.tokenFilter(stem).type("snowball").param("language", language.snowball());
            context.analyzer(language.analyzer()).custom().tokenizer("standard")
                    .tokenFilters("lowercase", stop, stem, "asciifolding");
        }
    }
}
