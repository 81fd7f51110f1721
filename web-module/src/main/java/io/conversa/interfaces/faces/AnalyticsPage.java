package io.conversa.interfaces.faces;

import io.conversa.application.AnalyticsPeriod;
import io.conversa.application.AnalyticsReports;
import io.conversa.application.ConversationQueries;
import io.conversa.application.InvalidRequestException;
import io.conversa.application.NotFoundException;
import io.conversa.domain.model.conversation.Conversation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Backs the analytics page of one conversation: the same chart-shaped document the API serves,
 * embedded in the page for the charts' script to draw.
 */
@Named
@RequestScoped
public class AnalyticsPage {

    @Inject
    AnalyticsReports reports;

    @Inject
    ConversationQueries conversations;

    @Inject
    SecurityContext security;

    private String id;
    private String from;
    private String to;
    private String granularity;
    private Conversation conversation;
    private String data;
    private String error;

    public void load() throws SQLException {
        try {
            UUID key = UUID.fromString(id);
            conversation = conversations.get(PageCaller.of(security), key);
            data = reports.conversation(PageCaller.of(security), key, AnalyticsPeriod.of(from, to, granularity)).toString();
        } catch (InvalidRequestException e) {
            error = e.getMessage();
        } catch (IllegalArgumentException | NullPointerException | NotFoundException e) {
            conversation = null;
        }
    }

    /** The analytics as JSON, safe inside a script element (no "</" can close it). */
    public String getData() {
        return data == null ? "null" : data.replace("</", "<\\/");
    }

    public Conversation getConversation() {
        return conversation;
    }

    public String getError() {
        return error;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    public String getGranularity() {
        return granularity;
    }

    public void setGranularity(String granularity) {
        this.granularity = granularity;
    }
}
