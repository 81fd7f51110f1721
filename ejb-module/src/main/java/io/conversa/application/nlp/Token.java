package io.conversa.application.nlp;

/** One token of a message: its text, where it is (UTF-16 offsets, end exclusive) and what it is. */
public record Token(String text, int start, int end, Kind kind) {

    /** What a token is; only {@code WORD} tokens carry language, the others are signals of their own. */
    public enum Kind { WORD, NUMBER, EMOJI, URL, EMAIL, MENTION, HASHTAG, EMOTICON, PUNCT }

    public boolean isWord() {
        return kind == Kind.WORD;
    }
}
