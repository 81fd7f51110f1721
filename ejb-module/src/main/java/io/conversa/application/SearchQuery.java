package io.conversa.application;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a caller types into search, in the syntax people know from web search: words (all must
 * match), "quoted phrases", -exclusions and OR between alternatives. Translated into the simple
 * query syntax of the index, with every operator character of that syntax removed from the user's
 * words so a stray {@code *} or {@code |} cannot change the query. Words that look like names or
 * numbers (capitalised, or holding a digit) also match near spellings (one edit away).
 */
public final class SearchQuery {

    private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"?|(\\S+)");
    /** The characters Lucene's simple query parser treats as operators. */
    private static final Pattern OPERATORS = Pattern.compile("[+|\\-\"*()~\\\\]");
    private static final int FUZZY_MIN_LENGTH = 4;

    private final String original;
    private final String indexSyntax;

    private SearchQuery(String original, String indexSyntax) {
        this.original = original;
        this.indexSyntax = indexSyntax;
    }

    public static SearchQuery parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("Say what to search for: \"query\" is empty.");
        }
        List<String> clauses = new ArrayList<>();
        boolean positive = false;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String clause;
            if (m.group(2) != null) {
                String phrase = clean(m.group(2));
                if (phrase.isBlank()) {
                    continue;
                }
                clause = m.group(1) + "\"" + phrase + "\"";
            } else {
                String word = m.group(3);
                if (word.equals("OR")) {
                    if (!clauses.isEmpty() && !clauses.get(clauses.size() - 1).equals("|")) {
                        clauses.add("|");
                    }
                    continue;
                }
                boolean excluded = word.startsWith("-") && word.length() > 1;
                String bare = clean(excluded ? word.substring(1) : word);
                if (bare.isBlank()) {
                    continue;
                }
                clause = excluded ? "-" + bare : nearSpelling(bare);
            }
            positive |= !clause.startsWith("-");
            clauses.add(clause);
        }
        while (!clauses.isEmpty() && clauses.get(clauses.size() - 1).equals("|")) {
            clauses.remove(clauses.size() - 1);
        }
        if (!positive) {
            throw new InvalidRequestException("The query needs at least one word or phrase to find, not only exclusions.");
        }
        return new SearchQuery(text, String.join(" ", clauses));
    }

    /** The query in the index's simple query syntax. */
    public String indexSyntax() {
        return indexSyntax;
    }

    public String original() {
        return original;
    }

    private static String clean(String words) {
        return OPERATORS.matcher(words).replaceAll(" ").trim().replaceAll("\\s+", " ");
    }

    /** A single word that is a name or a number also matches one typo away; others match as typed. */
    private static String nearSpelling(String bare) {
        if (bare.contains(" ")) {
            // An operator inside the word split it: keep the parts together as a phrase.
            return "\"" + bare + "\"";
        }
        boolean nameOrNumber = Character.isUpperCase(bare.codePointAt(0)) || bare.chars().anyMatch(Character::isDigit);
        return nameOrNumber && bare.codePointCount(0, bare.length()) >= FUZZY_MIN_LENGTH ? bare + "~1" : bare;
    }
}
