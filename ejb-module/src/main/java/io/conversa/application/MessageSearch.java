package io.conversa.application;

import io.conversa.application.SearchResults.Count;
import io.conversa.application.SearchResults.Hit;
import io.conversa.domain.model.conversation.Message;
import io.conversa.domain.model.conversation.MessageKind;
import io.conversa.infrastructure.index.IndexLanguage;
import io.conversa.infrastructure.index.MessageTextBinder;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.highlighter.dsl.SearchHighlighterFactory;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Full-text search over the messages a caller may read: ranked by BM25 (or newest first), with
 * highlighted snippets, counts per conversation and participant (when asked), and paging. Staff readers search
 * every conversation; a user only the ones they imported (the rules of {@link ConversationQueries}).
 */
@Stateless
public class MessageSearch {

    private static final int SNIPPET_CHARS = 200;
    private static final int MAX_COUNTS = 100;
    private static final AggregationKey<Map<UUID, Long>> BY_CONVERSATION = AggregationKey.of("conversations");
    private static final AggregationKey<Map<String, Long>> BY_PARTICIPANT = AggregationKey.of("participants");
    /** The folded text and the seven stemmed language fields: a query matches in any of them. */
    private static final String[] TEXT_FIELDS = Stream.concat(Stream.of(IndexLanguage.ALL_TEXT),
            Arrays.stream(IndexLanguage.values()).map(IndexLanguage::field)).toArray(String[]::new);

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationQueries conversations;

    public SearchResults search(Caller caller, SearchRequest request) {
        request.validate();
        SearchQuery query = SearchQuery.parse(request.query());
        List<UUID> scope = scope(caller, request.conversations());
        if (scope != null && scope.isEmpty()) {
            return new SearchResults(query.original(), 0, true, List.of(), null,
                    request.wantsCounts() ? List.of() : null, request.wantsCounts() ? List.of() : null);
        }
        int size = request.pageSize();
        boolean counts = request.wantsCounts();
        PageCursor cursor = PageCursor.decode(request.after(), request.byTime());
        SearchSession session = Search.session(em);
        // Every hit and count comes from the index (stored and doc-value fields): no entity is loaded per hit.
        SearchQueryOptionsStep<?, List<?>, ?, ?, ?> step = session.search(Message.class)
                .select(f -> f.composite().from(f.id(Long.class), f.field("conversation", UUID.class),
                        f.field("participant", Long.class), f.field("sentAt", Instant.class), f.field("kind", MessageKind.class),
                        f.score(), f.highlight(IndexLanguage.ALL_TEXT)).asList())
                .where(f -> predicate(f, query, request, scope, cursor))
                // Equal scores keep the index's order: a tie-breaking field would be read for every competitive hit.
                .sort(f -> request.byTime() ? f.field("sentAt").desc().then().field("id").desc() : f.score())
                .highlighter(MessageSearch::highlighter);
        if (counts) {
            step = step.aggregation(BY_CONVERSATION, f -> f.terms().field("conversation", UUID.class).maxTermCount(MAX_COUNTS))
                    .aggregation(BY_PARTICIPANT, f -> f.terms().field(MessageTextBinder.PARTICIPANT_KEY, String.class)
                            .maxTermCount(MAX_COUNTS));
        } else {
            // Past this many matches the total is a lower bound, and Lucene may skip blocks of documents
            // that cannot enter the top page (block-max WAND) instead of scoring every match.
            step = step.totalHitCountThreshold(SearchResults.EXACT_UP_TO);
        }
        SearchResult<List<?>> result = step.fetch(cursor.offset(), size + 1);
        List<List<?>> rows = result.hits();
        boolean more = rows.size() > size;
        List<List<?>> page = more ? rows.subList(0, size) : rows;
        Map<Long, String> snippets = snippets(session, query, request, scope, cursor, page);
        Map<UUID, Long> byConversation = counts ? result.aggregation(BY_CONVERSATION) : Map.of();
        Map<Long, Long> byParticipant = new java.util.LinkedHashMap<>();
        if (counts) {
            result.aggregation(BY_PARTICIPANT).forEach((k, v) -> byParticipant.put(Long.valueOf(k), v));
        }
        Names names = names(page, byConversation.keySet(), byParticipant.keySet());
        List<Hit> hits = page.stream().map(row -> hit(row, snippets.get((Long) row.get(0)), names)).toList();
        String next = more ? cursor.next(hits.get(hits.size() - 1), size) : null;
        boolean exact = result.total().isHitCountExact();
        return new SearchResults(query.original(), exact ? result.total().hitCount() : result.total().hitCountLowerBound(),
                exact, hits, next,
                !counts ? null : byConversation.entrySet().stream().map(e -> new Count(e.getKey().toString(),
                        names.titles.get(e.getKey()), e.getValue())).toList(),
                !counts ? null : byParticipant.entrySet().stream().map(e -> new Count(e.getKey().toString(),
                        names.authors.get(e.getKey()), e.getValue())).toList());
    }

    private static HighlighterFinalStep highlighter(SearchHighlighterFactory h) {
        return h.plain().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
                .numberOfFragments(1).fragmentSize(SNIPPET_CHARS).noMatchSize(SNIPPET_CHARS);
    }

    /**
     * Each hit's snippet: highlighted in the folded {@code text} field, where every message's text is and
     * most matches are. Only hits matched through a stemmed language field alone ("ran" for "running") are
     * highlighted again, in a second query restricted to them, over the language fields; highlighting all
     * eight fields of every hit cost most of a page's time.
     */
    private static Map<Long, String> snippets(SearchSession session, SearchQuery query, SearchRequest request, List<UUID> scope,
            PageCursor cursor, List<List<?>> page) {
        Map<Long, String> snippets = new HashMap<>();
        List<Long> unmarked = new ArrayList<>();
        for (List<?> row : page) {
            long id = (Long) row.get(0);
            String snippet = snippet(List.of(row.get(6)));
            snippets.put(id, snippet);
            if (snippet != null && !snippet.contains("<mark>")) {
                unmarked.add(id);
            }
        }
        if (!unmarked.isEmpty()) {
            String[] languageFields = Arrays.stream(IndexLanguage.values()).map(IndexLanguage::field).toArray(String[]::new);
            session.search(Message.class)
                    .select(f -> f.composite().from(Stream.concat(Stream.of(f.id(Long.class)),
                            Arrays.stream(languageFields).map(f::highlight)).toArray(ProjectionFinalStep[]::new)).asList())
                    .where(f -> predicate(f, query, request, scope, cursor).filter(f.terms().field("id").matchingAny(unmarked)))
                    .highlighter(MessageSearch::highlighter)
                    .fetchHits(unmarked.size())
                    .forEach(row -> {
                        String marked = snippet(row.subList(1, row.size()));
                        if (marked != null && marked.contains("<mark>")) {
                            snippets.put((Long) row.get(0), marked);
                        }
                    });
        }
        return snippets;
    }

    /** The conversations to search: null for all; the intersection of what was asked and what may be read. */
    private List<UUID> scope(Caller caller, List<UUID> asked) {
        List<UUID> readable = conversations.readableIds(caller);
        if (asked == null || asked.isEmpty()) {
            return readable;
        }
        return readable == null ? asked : asked.stream().filter(Set.copyOf(readable)::contains).toList();
    }

    private static BooleanPredicateClausesStep<?> predicate(SearchPredicateFactory f, SearchQuery query, SearchRequest request,
            List<UUID> scope, PageCursor cursor) {
        var bool = f.bool();
        bool.must(f.simpleQueryString().fields(TEXT_FIELDS).matching(query.indexSyntax())
                .defaultOperator(BooleanOperator.AND));
        if (scope != null) {
            bool.filter(f.terms().field("conversation").matchingAny(scope));
        }
        if (request.participants() != null && !request.participants().isEmpty()) {
            bool.filter(f.terms().field("participant").matchingAny(request.participants()));
        }
        if (request.from() != null || request.to() != null) {
            bool.filter(f.range().field("sentAt").between(request.from(), request.to()));
        }
        if (request.types() != null && !request.types().isEmpty()) {
            bool.filter(f.terms().field("kind").matchingAny(kinds(request.types())));
        }
        if (request.languages() != null && !request.languages().isEmpty()) {
            bool.filter(f.terms().field("language").matchingAny(request.languages()));
        }
        if (request.sentiment() != null) {
            var band = SearchRequest.Sentiment.of(request.sentiment());
            bool.filter(f.range().field("sentiment").between(band.min, band.max));
        }
        if (cursor.last() != null) {
            MessageCursor last = cursor.last();
            bool.filter(f.or(f.range().field("sentAt").lessThan(last.sentAt()),
                    f.and(f.match().field("sentAt").matching(last.sentAt()), f.range().field("id").lessThan(last.id()))));
        }
        return bool;
    }

    private static List<MessageKind> kinds(Collection<String> types) {
        List<MessageKind> kinds = new ArrayList<>();
        for (String type : types) {
            try {
                kinds.add(MessageKind.valueOf(type.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("No message type '" + type + "'. Known: " + Arrays.toString(MessageKind.values()));
            }
        }
        return kinds;
    }

    private static Hit hit(List<?> row, String snippet, Names names) {
        long id = (Long) row.get(0);
        UUID conversation = (UUID) row.get(1);
        Long participant = (Long) row.get(2);
        Instant sentAt = (Instant) row.get(3);
        MessageKind kind = (MessageKind) row.get(4);
        Float score = (Float) row.get(5);
        // A cursor just before the message, so the conversation's page starts at it.
        String link = "/api/v1/conversations/" + conversation + "/messages?after="
                + new MessageCursor(sentAt, id - 1).encode() + "&limit=20";
        return new Hit(id, conversation, names.titles.get(conversation), participant,
                participant == null ? null : names.authors.get(participant), sentAt, kind == null ? null : kind.name(),
                snippet, link, Float.isNaN(score) ? null : score);
    }

    /** The first fragment with a highlighted match, from whichever text field matched; else the text's start. */
    private static String snippet(List<?> highlights) {
        String fallback = null;
        for (Object h : highlights) {
            for (Object fragment : (List<?>) h) {
                String text = (String) fragment;
                if (text.contains("<mark>")) {
                    return text;
                }
                if (fallback == null) {
                    fallback = text;
                }
            }
        }
        return fallback;
    }

    private Names names(List<List<?>> page, Collection<UUID> moreConversations, Collection<Long> moreParticipants) {
        Set<UUID> conversationIds = new java.util.HashSet<>(moreConversations);
        Set<Long> participantIds = new java.util.HashSet<>(moreParticipants);
        for (List<?> row : page) {
            conversationIds.add((UUID) row.get(1));
            if (row.get(2) != null) {
                participantIds.add((Long) row.get(2));
            }
        }
        Map<UUID, String> titles = new HashMap<>();
        if (!conversationIds.isEmpty()) {
            em.createQuery("SELECT c.id, c.title FROM Conversation c WHERE c.id IN :ids", Object[].class)
                    .setParameter("ids", conversationIds).getResultList()
                    .forEach(r -> titles.put((UUID) r[0], (String) r[1]));
        }
        Map<Long, String> authors = new HashMap<>();
        if (!participantIds.isEmpty()) {
            em.createQuery("SELECT p.id, p.displayName FROM Participant p WHERE p.id IN :ids", Object[].class)
                    .setParameter("ids", participantIds).getResultList()
                    .forEach(r -> authors.put((Long) r[0], (String) r[1]));
        }
        return new Names(titles, authors);
    }

    private record Names(Map<UUID, String> titles, Map<Long, String> authors) {
    }

    /**
     * Where a page starts. Newest-first pages are keyset pages (after the last hit's time and id), so
     * messages arriving meanwhile never shift them; relevance pages are an offset, since scores have no
     * stable order across index changes. Opaque to clients.
     */
    record PageCursor(boolean byTime, MessageCursor last, int offset) {

        static PageCursor decode(String token, boolean byTime) {
            if (token == null || token.isBlank()) {
                return new PageCursor(byTime, null, 0);
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
                if (byTime && raw.startsWith("t")) {
                    return new PageCursor(true, MessageCursor.decode(raw.substring(1)), 0);
                }
                if (!byTime && raw.startsWith("r")) {
                    return new PageCursor(false, null, Integer.parseInt(raw.substring(1)));
                }
            } catch (IllegalArgumentException | InvalidRequestException e) {
                // falls through to the refusal below
            }
            throw new InvalidRequestException("The cursor '" + token + "' is not one this search handed out"
                    + " (or belongs to the other order).");
        }

        String next(Hit lastHit, int size) {
            String raw = byTime ? "t" + new MessageCursor(lastHit.sentAt(), lastHit.messageId()).encode() : "r" + (offset + size);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
