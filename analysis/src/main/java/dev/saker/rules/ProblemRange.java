package dev.saker.rules;

import java.util.List;

/**
 * Where a load problem sits in its file's text, as a range an editor can underline. The loader
 * reports YAML positions for items and keys, and for a problem inside a condition the parser's index
 * into the condition text it compiled (folded, lists substituted, exceptions appended); that index is
 * mapped back onto the file by walking the condition and the file's scalar side by side, so a
 * folded multi-line condition still underlines the right word.
 */
public record ProblemRange(int start, int end) {

    /** The range of {@code p} in {@code text} (the text of the file it was reported for). */
    public static ProblemRange of(LoadProblem p, String text) {
        if (text.isEmpty()) {
            return new ProblemRange(0, 0);
        }
        List<Location> locs = p.context().locations();
        Location inner = locs.get(locs.size() - 1);
        int at;
        if (inner.itemType() == ItemType.CONDITION_EXPRESSION && locs.size() >= 2 && p.context().conditionText() != null) {
            Location enclosing = locs.get(locs.size() - 2);
            int index = inner.position().offset() - enclosing.position().offset();
            int valueStart = enclosing.position().offset();
            if (enclosing.itemType() == ItemType.RULE || enclosing.itemType() == ItemType.MACRO) {
                // macro references are reported against the item, as Falco does: find its condition
                valueStart = conditionValue(text, valueStart);
            }
            at = mapIntoFile(p.context().conditionText(), index, text, valueStart);
        } else {
            at = inner.position().offset();
        }
        ProblemRange r = around(text, Math.max(0, Math.min(at, text.length())));
        return named(p.message(), text, r);
    }

    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
            "(?:nonexistent field|unknown event type) (\\S+)");

    /**
     * A compile problem found inside a macro is reported at an index of the macro's text but in the
     * context of the rule that uses it, so the index points at the wrong place of the rule's condition.
     * When the message names the offending word and the range does not cover it, the word's first
     * occurrence in the file is the better place.
     */
    static ProblemRange named(String message, String text, ProblemRange r) {
        java.util.regex.Matcher m = NAMED.matcher(message);
        if (!m.find() || text.substring(r.start(), r.end()).contains(m.group(1))) {
            return r;
        }
        String word = m.group(1);
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int e = i + word.length();
            boolean startsWord = i == 0 || isBoundary(text.charAt(i - 1));
            boolean endsWord = e == text.length() || isBoundary(text.charAt(e));
            if (startsWord && endsWord) {
                return new ProblemRange(i, e);
            }
        }
        return r;
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || "(),=<>!\"'[".indexOf(c) >= 0;
    }

    /** The word at {@code at} (a non-blank run, stopping at brackets), or the whole line when blank there. */
    static ProblemRange around(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = text.indexOf('\n', at);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        int s = at;
        while (s < lineEnd && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        int e = s;
        while (e < lineEnd && !Character.isWhitespace(text.charAt(e)) && "(),".indexOf(text.charAt(e)) < 0) {
            e++;
        }
        if (e == s && s < lineEnd) {
            e = s + 1;
        }
        if (e == s) {
            // nothing on the line from here (an error at the end of a condition): the word before it
            int b = at;
            while (b > lineStart && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            int w = b;
            while (w > lineStart && !Character.isWhitespace(text.charAt(w - 1))) {
                w--;
            }
            return w < b ? new ProblemRange(w, b) : new ProblemRange(Math.max(0, at - 1), Math.max(at, 1));
        }
        if (text.charAt(e - 1) == ':') {
            // an item-level problem sits on the item's first key: take the key and its value (the name)
            e = lineEnd;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
        }
        return new ProblemRange(s, e);
    }

    /** Where the value of the first {@code condition:} key after {@code from} starts ({@code from} when none). */
    static int conditionValue(String text, int from) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*condition\\s*:[ \\t]*").matcher(text);
        return m.find(Math.min(from, text.length())) ? m.end() : from;
    }

    /**
     * The file offset of {@code index} of {@code condition}, whose YAML scalar starts at {@code valueStart}
     * (at its quote or block indicator). Blank runs match blank runs (folding and indentation); where the
     * texts stop agreeing (a substituted list, the appended exceptions) the walk stops there.
     */
    static int mapIntoFile(String condition, int index, String text, int valueStart) {
        int j = Math.min(valueStart, text.length());
        if (j < text.length() && (text.charAt(j) == '>' || text.charAt(j) == '|')) {
            int nl = text.indexOf('\n', j);
            j = nl < 0 ? text.length() : nl + 1;
        } else if (j < text.length() && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
            j++;
        }
        int i = 0;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        while (i < index && i < condition.length() && j < text.length()) {
            char c = condition.charAt(i);
            char f = text.charAt(j);
            if (Character.isWhitespace(c)) {
                while (i < condition.length() && Character.isWhitespace(condition.charAt(i))) {
                    i++;
                }
                while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
            } else if (c == f) {
                i++;
                j++;
            } else if (Character.isWhitespace(f)) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }
}
