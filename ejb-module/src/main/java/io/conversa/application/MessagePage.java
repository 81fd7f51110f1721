package io.conversa.application;

import io.conversa.domain.model.conversation.Message;
import java.util.List;
import java.util.Map;

/** A page of messages, the entities NLP found in them (by message id), and the cursor of the next page (null on the last one). */
public record MessagePage(List<Message> messages, MessageCursor next, Map<Long, List<MessageEntity>> entities) {
}
