package io.conversa.interfaces.faces;

import io.conversa.application.Caller;
import io.conversa.application.ConversationQueries;
import io.conversa.application.MessageCursor;
import io.conversa.application.MessagePage;
import io.conversa.application.NotFoundException;
import io.conversa.domain.model.conversation.Conversation;
import io.conversa.domain.model.conversation.Message;
import io.conversa.domain.model.conversation.Participant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Backs the admin pages that list conversations and show one conversation's messages. */
@Named
@RequestScoped
public class ConversationsPage {

    private static final int PAGE = 200;

    @Inject
    ConversationQueries conversations;

    @Inject
    SecurityContext security;

    private String id;
    private String after;
    private Conversation conversation;
    private Map<Long, String> authors;
    private MessagePage page;

    public List<Conversation> getAll() {
        return conversations.list(caller(), 500);
    }

    /** Loads the conversation named by the "id" view parameter; unknown ids show an empty page. */
    public void load() {
        try {
            UUID key = UUID.fromString(id);
            conversation = conversations.get(caller(), key);
            authors = conversations.participants(caller(), key).stream()
                    .collect(Collectors.toMap(Participant::id, Participant::displayName, (a, b) -> a));
            page = conversations.messages(caller(), key, after == null || after.isBlank() ? null : MessageCursor.decode(after), PAGE);
        } catch (IllegalArgumentException | NullPointerException | NotFoundException e) {
            conversation = null;
        }
    }

    public String authorOf(Message message) {
        return message.participantId() == null ? "system" : authors.getOrDefault(message.participantId(), "?");
    }

    public Conversation getConversation() {
        return conversation;
    }

    public List<Message> getMessages() {
        return page == null ? List.of() : page.messages();
    }

    public String getNext() {
        return page == null || page.next() == null ? null : page.next().encode();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    private Caller caller() {
        return PageCaller.of(security);
    }
}
