package io.conversa.interfaces.faces;

import io.conversa.application.InvalidRequestException;
import io.conversa.application.MessageSearch;
import io.conversa.application.SearchRequest;
import io.conversa.application.SearchResults;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Backs the search page: the form's fields arrive as view parameters (so a search is a link one can
 * share), the results come from the same search as the API's, with the same permissions.
 */
@Named
@RequestScoped
public class SearchPage {

    @Inject
    MessageSearch search;

    @Inject
    SecurityContext security;

    private String q;
    private String conversation;
    private String from;
    private String to;
    private String type;
    private String order;
    private String after;
    private SearchResults results;
    private String error;

    public void load() {
        if (q == null || q.isBlank()) {
            return;
        }
        try {
            results = search.search(PageCaller.of(security), new SearchRequest(q,
                    blank(conversation) ? null : List.of(UUID.fromString(conversation)), null,
                    blank(from) ? null : LocalDate.parse(from).atStartOfDay().toInstant(ZoneOffset.UTC),
                    blank(to) ? null : LocalDate.parse(to).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    blank(type) ? null : List.of(type), null, null, blank(order) ? null : order, 20, blank(after) ? null : after,
                    // the page shows the exact total and the counts per conversation
                    true));
        } catch (InvalidRequestException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = "That search could not be read: check the dates (YYYY-MM-DD) and the conversation id.";
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public SearchResults getResults() {
        return results;
    }

    public String getError() {
        return error;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getConversation() {
        return conversation;
    }

    public void setConversation(String conversation) {
        this.conversation = conversation;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }
}
