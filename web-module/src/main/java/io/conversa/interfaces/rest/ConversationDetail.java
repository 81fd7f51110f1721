package io.conversa.interfaces.rest;

import io.conversa.domain.model.conversation.Conversation;
import io.conversa.domain.model.conversation.Participant;
import java.util.List;

/** One conversation with its participants. */
public record ConversationDetail(ConversationView conversation, List<ParticipantView> participants) {

    public record ParticipantView(long id, String name, int messageCount) {
    }

    static ConversationDetail of(Conversation c, List<Participant> participants) {
        return new ConversationDetail(ConversationView.of(c), participants.stream()
                .map(p -> new ParticipantView(p.id(), p.displayName(), p.messageCount())).toList());
    }
}
