package io.conversa.domain.model.conversation;

/** Where a conversation's messages come from. */
public enum ConversationSource {
    EXPORT,
    CLOUD_API
}
