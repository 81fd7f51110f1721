package io.conversa.application;

import io.conversa.domain.model.conversation.Message;
import java.util.List;

/** A page of messages and the cursor of the next page (null on the last one). */
public record MessagePage(List<Message> messages, MessageCursor next) {
}
