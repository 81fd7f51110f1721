package io.conversa.interfaces.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * What a message body carries once WhatsApp's placeholders are recognized: its kind, the text left
 * for the user (caption, poll question...), the attached file and the edited flag.
 */
record MessageContent(MessageKind kind, String text, String attachmentName, boolean edited, List<String> pollOptions) {

    private static final String NO_TEXT = "";

    /**
     * Classifies a message body (all its lines, without direction marks).
     *
     * @param oneLine true when the body is known to be a single line, which spares the search for a line break
     */
    static MessageContent of(String body, boolean oneLine) {
        if (oneLine && Placeholders.surelyNoneIn(body)) {
            // Most messages: plain text, which every check below would only rule out.
            return new MessageContent(MessageKind.TEXT, body, null, false, List.of());
        }
        boolean edited = false;
        int marker = Placeholders.editedMarkerStart(body);
        if (marker >= 0) {
            edited = true;
            body = body.substring(0, marker).stripTrailing();
        }
        int newline = oneLine ? -1 : body.indexOf('\n');
        String firstLine = newline < 0 ? body : body.substring(0, newline);
        String rest = newline < 0 ? NO_TEXT : body.substring(newline + 1);

        if (Placeholders.isViewOnce(body)) {
            return new MessageContent(MessageKind.VIEW_ONCE, NO_TEXT, null, edited, List.of());
        }
        if (Placeholders.isDeleted(body)) {
            return new MessageContent(MessageKind.DELETED, NO_TEXT, null, edited, List.of());
        }
        if (Placeholders.isAndroidMediaOmitted(firstLine)) {
            return new MessageContent(MessageKind.MEDIA_OMITTED, rest, null, edited, List.of());
        }
        Matcher iosAttached = Placeholders.iosAttachment(firstLine);
        if (iosAttached != null) {
            return attachment(iosAttached.group("file"), joinLines(iosAttached.group("caption").strip(), rest), edited);
        }
        String androidAttached = Placeholders.androidAttachment(firstLine);
        if (androidAttached != null) {
            return attachment(androidAttached, rest, edited);
        }
        Placeholders.OmittedPhrase omitted = Placeholders.iosOmitted(firstLine);
        if (omitted != null) {
            String before = firstLine.substring(0, firstLine.length() - omitted.phrase().length()).strip();
            return new MessageContent(omitted.kind(), joinLines(before, rest), null, edited, List.of());
        }
        if (!rest.isEmpty() && Placeholders.isPollStart(firstLine)) {
            return poll(rest, edited);
        }
        if (Placeholders.isLocation(firstLine, body)) {
            return new MessageContent(MessageKind.LOCATION, body, null, edited, List.of());
        }
        return new MessageContent(MessageKind.TEXT, body, null, edited, List.of());
    }

    private static MessageContent attachment(String file, String caption, boolean edited) {
        MessageKind kind = file.regionMatches(true, file.length() - 4, ".vcf", 0, 4)
                ? MessageKind.CONTACT : MessageKind.ATTACHMENT;
        return new MessageContent(kind, caption, file, edited, List.of());
    }

    /** A poll: the question lines, then one "OPTION: text (n votes)" line per option. */
    private static MessageContent poll(String rest, boolean edited) {
        StringBuilder question = new StringBuilder();
        List<String> options = new ArrayList<>();
        for (String line : rest.split("\n", -1)) {
            String option = Placeholders.pollOption(line);
            if (option != null) {
                options.add(option);
            } else if (options.isEmpty()) {
                question.append(question.length() == 0 ? "" : "\n").append(line);
            } else {
                // A line break inside an option's text.
                options.set(options.size() - 1, options.get(options.size() - 1) + "\n" + line);
            }
        }
        return new MessageContent(MessageKind.POLL, question.toString(), null, edited, options);
    }

    /** The lines of a message as one text; an empty first line (text only below the header) is left out. */
    static String joinLines(String first, String rest) {
        if (first.isEmpty()) {
            return rest;
        }
        return rest.isEmpty() ? first : first + "\n" + rest;
    }
}
