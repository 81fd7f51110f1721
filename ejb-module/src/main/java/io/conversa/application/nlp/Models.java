package io.conversa.application.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The OpenNLP models from Maven Central (jars in the EAR's lib/), read once per JVM on first use:
 * the language detector alone is about 10 MB and takes a second to load, so neither the server's
 * start nor a message pays for it more than once. Models are thread-safe; the detectors made from
 * them are not, so each pipeline makes its own.
 */
public final class Models {

    private static volatile Models loaded;

    final LanguageDetectorModel languages;
    final TokenizerModel englishTokens;
    final SentenceModel englishSentences;

    private Models() {
        languages = read("/langdetect-183.bin", LanguageDetectorModel::new);
        englishTokens = read("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
        englishSentences = read("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
    }

    public static Models get() {
        Models m = loaded;
        if (m == null) {
            synchronized (Models.class) {
                if (loaded == null) {
                    loaded = new Models();
                }
                m = loaded;
            }
        }
        return m;
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T read(String resource, Reader<T> reader) {
        try (InputStream in = Models.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read OpenNLP model " + resource, e);
        }
    }
}
