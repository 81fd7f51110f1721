package io.conversa.domain.model.job;

/**
 * What an import achieved: messages read from the export and how many of them were new; of the others, how
 * many were stored without the file this export has (given it now) and how many before the edit this export
 * shows (edited now); the conversation's participants, and media files stored or named by the chat but absent.
 */
public record ImportCounts(int messagesRead, int messagesNew, int messagesGivenFiles, int messagesEdited,
        int participants, int mediaStored, int mediaMissing) {
}
