package io.conversa.application.nlp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * People, organisations and places. No OpenNLP name-finder model is published, and chats are not
 * the newswire such models learn from, so this step uses what is known for sure: the
 * conversation's participants (their full names and first names, in any case, normalised to the
 * full name), gazetteers of first names, places and organisations (matched as written, capitalised,
 * up to three words), and a capitalised word after a title or "with"/"con"/"mit"/"avec"/"com".
 * It finds no one it has not heard of unless such a cue precedes them; docs/NLP.md gives its recall.
 */
final class NameEntities {

    private static final int LONGEST = 3;
    private static final Set<String> PERSON_CUES = Set.of("mr", "mrs", "ms", "dr", "sr", "sra", "dona", "doña", "don", "herr",
            "frau", "madame", "monsieur", "mme", "tia", "tía", "tio", "tío", "with", "con", "mit", "avec", "com");
    private static final Set<String> STOP_CAPITALS = Set.of("I", "Ok", "OK", "Hi", "Hola", "Olá", "Ola", "Hallo", "Salut",
            "Bonjour", "Yes", "No", "Sí", "Si", "Não", "Ja", "Nein", "Oui", "Non", "The", "El", "La", "Der", "Die", "Das", "Le", "Les", "O", "A");

    private final Map<String, Entity.Kind> gazetteer = new HashMap<>();

    NameEntities() {
        Lexicon.read("/nlp/gazetteer/locations.txt", (f, n) -> gazetteer.put(f[0].trim(), Entity.Kind.LOCATION));
        Lexicon.read("/nlp/gazetteer/organisations.txt", (f, n) -> gazetteer.put(f[0].trim(), Entity.Kind.ORG));
        Lexicon.read("/nlp/gazetteer/first-names.txt", (f, n) -> {
            for (String name : f[0].trim().split("\\s+")) {
                gazetteer.putIfAbsent(name, Entity.Kind.PERSON);
            }
        });
    }

    /** The participants' names as keys (lower-cased full and first names) to their full names. */
    static Map<String, String> participantIndex(List<String> names) {
        Map<String, String> index = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String full : names) {
            if (full == null || full.isBlank() || full.startsWith("+") || full.chars().filter(Character::isLetter).count() < 3) {
                continue;
            }
            index.put(full.toLowerCase(Locale.ROOT), full);
            String first = full.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (first.length() >= 3 && !first.equals(full.toLowerCase(Locale.ROOT))) {
                // Two participants with one first name: the first name alone says neither.
                if (index.containsKey(first) && !index.get(first).equals(full)) {
                    ambiguous.add(first);
                }
                index.putIfAbsent(first, full);
            }
        }
        ambiguous.forEach(index::remove);
        return index;
    }

    void find(String text, List<Token> tokens, Map<String, String> participants, List<Entity> out) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isWord()) {
                continue;
            }
            int matched = match(text, tokens, i, participants, out);
            if (matched > 0) {
                i += matched - 1;
            }
        }
    }

    private int match(String text, List<Token> tokens, int i, Map<String, String> participants, List<Entity> out) {
        for (int n = Math.min(LONGEST, tokens.size() - i); n >= 1; n--) {
            Token first = tokens.get(i);
            Token last = tokens.get(i + n - 1);
            if (!last.isWord()) {
                continue;
            }
            String phrase = text.substring(first.start(), last.end());
            if (phrase.indexOf('\n') >= 0) {
                continue;
            }
            String participant = participants.get(phrase.toLowerCase(Locale.ROOT));
            if (participant != null) {
                out.add(new Entity(Entity.Kind.PERSON, phrase, first.start(), last.end(), participant));
                return n;
            }
            Entity.Kind kind = gazetteer.get(phrase);
            if (kind != null && !STOP_CAPITALS.contains(phrase)) {
                out.add(new Entity(kind, phrase, first.start(), last.end(), null));
                return n;
            }
        }
        Token t = tokens.get(i);
        if (i > 0 && capitalised(t.text()) && !STOP_CAPITALS.contains(t.text())
                && PERSON_CUES.contains(tokens.get(i - 1).text().toLowerCase(Locale.ROOT).replace(".", ""))) {
            int n = i + 1 < tokens.size() && tokens.get(i + 1).isWord() && capitalised(tokens.get(i + 1).text()) ? 2 : 1;
            Token last = tokens.get(i + n - 1);
            out.add(new Entity(Entity.Kind.PERSON, text.substring(t.start(), last.end()), t.start(), last.end(), null));
            return n;
        }
        return 0;
    }

    private static boolean capitalised(String word) {
        return word.length() > 1 && Character.isUpperCase(word.codePointAt(0)) && !word.equals(word.toUpperCase(Locale.ROOT));
    }
}
