package io.conversa.application.nlp;

import java.util.List;
import java.util.Map;

/**
 * What the pipeline knows about a conversation before reading a batch of it: the languages already
 * found in it (and by whom), its participants' names, its phone region and date order.
 */
public record ConversationFacts(LanguageEvidence languages, List<String> participantNames, String phoneRegion,
        boolean dayFirst) {

    public static ConversationFacts none() {
        return new ConversationFacts(new LanguageEvidence(), List.of(), "ZZ", true);
    }

    Map<String, String> participants() {
        return EntityExtraction.participants(participantNames);
    }
}
