package io.conversa.application.nlp;

import java.time.LocalDate;
import java.util.List;

/**
 * What the entity steps need to know about where a message was written: the day it was sent (to
 * resolve "tomorrow" and "on Friday"), the phone region to read national numbers in, whether
 * numeric dates put the day first, and the conversation's participants' names.
 */
public record MessageContext(LocalDate sentOn, String phoneRegion, boolean dayFirst, List<String> participantNames) {

    public static MessageContext of(LocalDate sentOn) {
        return new MessageContext(sentOn, "ZZ", true, List.of());
    }
}
