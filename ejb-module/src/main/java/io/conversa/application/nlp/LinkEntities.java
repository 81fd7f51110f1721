package io.conversa.application.nlp;

import java.util.List;
import java.util.Locale;

/** URLs, e-mail addresses and mentions, straight from the tokens the tokenizer kept whole. */
final class LinkEntities {

    void find(List<Token> tokens, List<Entity> out) {
        for (Token t : tokens) {
            switch (t.kind()) {
                case URL -> out.add(new Entity(Entity.Kind.URL, t.text(), t.start(), t.end(),
                        t.text().matches("(?i)https?://.*") ? t.text() : "https://" + t.text()));
                case EMAIL -> out.add(new Entity(Entity.Kind.EMAIL, t.text(), t.start(), t.end(), t.text().toLowerCase(Locale.ROOT)));
                case MENTION -> out.add(new Entity(Entity.Kind.MENTION, t.text(), t.start(), t.end(),
                        t.text().substring(1).replaceAll("[\\u2068\\u2069]", "")));
                default -> { }
            }
        }
    }
}
