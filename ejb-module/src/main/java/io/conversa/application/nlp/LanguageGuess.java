package io.conversa.application.nlp;

/** A message's language (ISO 639-1 where one exists, else 639-3; {@code und} when undetermined) and how sure. */
public record LanguageGuess(String language, float confidence) {

    public static final String UNDETERMINED = "und";

    public static LanguageGuess undetermined() {
        return new LanguageGuess(UNDETERMINED, 0f);
    }

    public boolean determined() {
        return !UNDETERMINED.equals(language);
    }
}
