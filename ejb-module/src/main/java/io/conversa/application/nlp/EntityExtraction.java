package io.conversa.application.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * All entity steps over one message, overlaps resolved: links and e-mails first (a number inside
 * a URL is no phone), then phones, then dates and times, then names; a later find that overlaps an
 * earlier one is dropped. Sorted by position. Thread-safe.
 */
public final class EntityExtraction {

    private final LinkEntities links = new LinkEntities();
    private final PhoneEntities phones = new PhoneEntities();
    private final DateTimeEntities dates = new DateTimeEntities();
    private final NameEntities names = new NameEntities();

    public List<Entity> extract(String text, List<Token> tokens, String language, MessageContext context,
            Map<String, String> participants) {
        List<Entity> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        links.find(tokens, found);
        phones.find(text, context, found);
        dates.find(text, tokens, language, context, found);
        names.find(text, tokens, participants, found);
        List<Entity> kept = new ArrayList<>(found.size());
        for (Entity e : found) {
            if (kept.stream().noneMatch(e::overlaps)) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparingInt(Entity::start));
        return kept;
    }

    /** The participants' names as the name step looks them up; built once per conversation. */
    public static Map<String, String> participants(List<String> names) {
        return NameEntities.participantIndex(names);
    }
}
