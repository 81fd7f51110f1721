package io.conversa.interfaces.export;

/**
 * A file's header lines counted by layout, each layout's dates voting on its date order: what decides the
 * file's format ({@link #decide}). Both passes of an import count them: the first look until the format is
 * clear, the parse over the whole file, which so confirms what the first look decided.
 */
final class FormatVotes {

    private static final String NO_CHAT = "No line of the file starts like a WhatsApp message (such as \"18/03/2022, 14:56 - Name:"
            + " text\" or \"[18/03/2022, 14:56:01] Name: text\"), so it is not a WhatsApp chat export.";

    /** By the layout's ordinal; null for a layout no line had. */
    private final DateOrderVote[] byLayout = new DateOrderVote[HeaderLayout.values().length];

    /** Counts a header line of {@code layout}; returns that layout's vote. */
    DateOrderVote add(HeaderLayout layout, HeaderMatcher header, long lineNumber) {
        DateOrderVote vote = byLayout[layout.ordinal()];
        if (vote == null) {
            vote = new DateOrderVote();
            byLayout[layout.ordinal()] = vote;
        }
        vote.add(header, lineNumber);
        return vote;
    }

    /**
     * The format of the layout most lines have (the first of equals), in the date order its dates decide
     * ({@link DateOrderVote#decide}).
     *
     * @throws UnreadableExportException when no line was a header, or the dates contradict {@code requested}
     */
    ExportFormat decide(DateOrder requested) throws UnreadableExportException {
        HeaderLayout mostUsed = null;
        for (HeaderLayout layout : HeaderLayout.values()) {
            DateOrderVote vote = byLayout[layout.ordinal()];
            if (vote != null && (mostUsed == null || vote.headers() > byLayout[mostUsed.ordinal()].headers())) {
                mostUsed = layout;
            }
        }
        if (mostUsed == null) {
            throw new UnreadableExportException(NO_CHAT);
        }
        return byLayout[mostUsed.ordinal()].decide(mostUsed, requested);
    }
}
