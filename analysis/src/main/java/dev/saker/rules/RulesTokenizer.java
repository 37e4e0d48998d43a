package dev.saker.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a rules file's text for highlighting: YAML keys, item names, comments, and inside
 * conditions the language's operators, fields, macro and list references and values. It works line
 * by line on the text as typed, so half-written files highlight too (the loader, not this class,
 * says what is wrong). Macro and list names come from the caller (this file's and the other loaded
 * files'); fields from the field registry.
 */
public final class RulesTokenizer {
    /** A mapping key at the start of a line, optionally as a sequence entry: {@code   - rule: x}. */
    private static final Pattern KEY = Pattern.compile("^(\\s*)(-\\s+)?([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*:(?=\\s|$)");
    private static final Pattern DEFINITION = Pattern.compile("(?m)^\\s*-\\s+(macro|list)\\s*:\\s*['\"]?([^'\"#\\s]+)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not");
    private static final Set<String> OPERATORS = Set.of("contains", "icontains", "bcontains", "startswith",
            "bstartswith", "endswith", "in", "intersects", "pmatch", "glob", "iglob", "exists", "regex");
    private static final Set<String> TRANSFORMERS = Set.of("tolower", "toupper", "b64", "basename", "len", "val");
    private static final Set<String> CONDITION_KEYS = Set.of("condition");
    private static final Set<String> TEXT_KEYS = Set.of("output", "desc");

    private final Predicate<String> isField;
    private final Set<String> macros;
    private final Set<String> lists;

    public RulesTokenizer(Predicate<String> isField, Set<String> macros, Set<String> lists) {
        this.isField = isField;
        this.macros = macros;
        this.lists = lists;
    }

    /** The macro and list names a rules text defines (by its {@code - macro:} and {@code - list:} lines). */
    public record Names(Set<String> macros, Set<String> lists) {
    }

    public static Names definedNames(String text) {
        Set<String> m = new LinkedHashSet<>();
        Set<String> l = new LinkedHashSet<>();
        Matcher d = DEFINITION.matcher(text);
        while (d.find()) {
            (d.group(1).equals("macro") ? m : l).add(d.group(2));
        }
        return new Names(m, l);
    }

    /** The classified stretches of {@code text}, in order, not overlapping. */
    public List<RulesToken> tokens(String text) {
        List<RulesToken> out = new ArrayList<>();
        int lineStart = 0;
        // an open multi-line scalar: its key's indentation and what kind of value it is
        int regionIndent = -1;
        String regionKey = null;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd);
            int indent = indentOf(line);
            boolean blank = line.isBlank();
            if (regionKey != null && (blank || indent > regionIndent)) {
                if (!blank) {
                    value(regionKey, text, lineStart + indent, lineEnd, out);
                }
            } else {
                regionKey = null;
                line(text, lineStart, lineEnd, out);
                Matcher k = KEY.matcher(line);
                if (k.find() && (CONDITION_KEYS.contains(k.group(3)) || TEXT_KEYS.contains(k.group(3)))) {
                    regionKey = k.group(3);
                    regionIndent = k.group(2) == null ? k.group(1).length() : k.start(3);
                }
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return out;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** One line outside a multi-line value: a comment, a key and its value, or a sequence entry. */
    private void line(String text, int start, int end, List<RulesToken> out) {
        String line = text.substring(start, end);
        String trimmed = line.strip();
        if (trimmed.startsWith("#")) {
            out.add(new RulesToken(start + line.indexOf('#'), end, RulesToken.Kind.COMMENT));
            return;
        }
        Matcher k = KEY.matcher(line);
        if (k.find()) {
            out.add(new RulesToken(start + k.start(3), start + k.end(3), RulesToken.Kind.KEY));
            value(k.group(3), text, start + k.end(), end, out);
        } else if (trimmed.startsWith("-")) {
            items(text, start + line.indexOf('-') + 1, end, out);
        }
    }

    /** The value of {@code key} in {@code [from, to)} of the text. */
    private void value(String key, String text, int from, int to, List<RulesToken> out) {
        int commentAt = CONDITION_KEYS.contains(key) || TEXT_KEYS.contains(key) ? -1 : commentStart(text, from, to);
        int end = commentAt < 0 ? to : commentAt;
        switch (key) {
            case "rule", "macro", "list" -> {
                int s = skipBlanks(text, from, end);
                int e = trimEnd(text, s, end);
                if (e > s) {
                    out.add(new RulesToken(s, e, RulesToken.Kind.ITEM_NAME));
                }
            }
            case "condition" -> condition(text, skipIndicator(text, from, end), end, out);
            case "output", "desc" -> percentFields(text, from, end, out);
            default -> items(text, from, end, out);
        }
        if (commentAt >= 0) {
            out.add(new RulesToken(commentAt, to, RulesToken.Kind.COMMENT));
        }
    }

    /** A '#' that starts a YAML comment (after a blank, outside quotes), or -1. */
    private static int commentStart(String text, int from, int to) {
        char quote = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == from || Character.isWhitespace(text.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static int skipBlanks(String text, int i, int end) {
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Skips a block scalar indicator ({@code >}, {@code |-}, ...) so the condition proper starts after it. */
    private static int skipIndicator(String text, int from, int end) {
        int i = skipBlanks(text, from, end);
        if (i < end && (text.charAt(i) == '>' || text.charAt(i) == '|')) {
            return end;
        }
        return i;
    }

    /** Values such as {@code [a, "b c", 3]}, {@code - x} or {@code WARNING}: strings, numbers, list names. */
    private void items(String text, int from, int to, List<RulesToken> out) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int e = closingQuote(text, i, to);
                out.add(new RulesToken(i, e, RulesToken.Kind.STRING));
                i = e;
            } else if (Character.isWhitespace(c) || c == '[' || c == ']' || c == ',' || c == '-' && isBlankAfter(text, i, to)) {
                i++;
            } else {
                int e = i;
                while (e < to && text.charAt(e) != ',' && text.charAt(e) != ']' && text.charAt(e) != '['
                        && !Character.isWhitespace(text.charAt(e))) {
                    e++;
                }
                String w = text.substring(i, e);
                out.add(new RulesToken(i, e, lists.contains(w) ? RulesToken.Kind.LIST
                        : w.indexOf('.') > 0 && isField.test(w) ? RulesToken.Kind.FIELD
                        : isNumber(w) ? RulesToken.Kind.NUMBER : RulesToken.Kind.VALUE));
                i = e;
            }
        }
    }

    private static boolean isBlankAfter(String text, int i, int to) {
        return i + 1 >= to || Character.isWhitespace(text.charAt(i + 1));
    }

    /** The {@code %field} references of an output line. */
    private void percentFields(String text, int from, int to, List<RulesToken> out) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '%') {
                continue;
            }
            int e = i + 1;
            if (e < to && text.charAt(e) == '(') {
                continue;
            }
            while (e < to && (Character.isLetterOrDigit(text.charAt(e)) || "._[]-".indexOf(text.charAt(e)) >= 0)) {
                e++;
            }
            if (e > i + 1 && isField.test(text.substring(i + 1, e))) {
                out.add(new RulesToken(i, e, RulesToken.Kind.FIELD));
            }
            i = e - 1;
        }
    }

    /** A condition (or a line of one): the condition language's tokens, classified. */
    public void condition(String text, int from, int to, List<RulesToken> out) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == ',') {
                i++;
            } else if (c == '"' || c == '\'') {
                int e = closingQuote(text, i, to);
                out.add(new RulesToken(i, e, RulesToken.Kind.STRING));
                i = e;
            } else if ("=<>!".indexOf(c) >= 0) {
                int e = i + 1;
                if (e < to && text.charAt(e) == '=') {
                    e++;
                }
                out.add(new RulesToken(i, e, RulesToken.Kind.OPERATOR));
                i = e;
            } else {
                int e = i;
                while (e < to && !Character.isWhitespace(text.charAt(e)) && "(),\"'=<>!".indexOf(text.charAt(e)) < 0) {
                    e++;
                }
                String w = text.substring(i, e);
                out.add(new RulesToken(i, e, classify(w, e < to && text.charAt(e) == '(')));
                i = e;
            }
        }
    }

    private RulesToken.Kind classify(String w, boolean call) {
        if (KEYWORDS.contains(w)) {
            return RulesToken.Kind.KEYWORD;
        }
        if (OPERATORS.contains(w) || call && TRANSFORMERS.contains(w)) {
            return RulesToken.Kind.OPERATOR;
        }
        if (macros.contains(w)) {
            return RulesToken.Kind.MACRO;
        }
        if (lists.contains(w)) {
            return RulesToken.Kind.LIST;
        }
        if (w.indexOf('.') > 0 && isField.test(w)) {
            return RulesToken.Kind.FIELD;
        }
        return isNumber(w) ? RulesToken.Kind.NUMBER : RulesToken.Kind.VALUE;
    }

    private static boolean isNumber(String w) {
        return !w.isEmpty() && w.chars().allMatch(Character::isDigit);
    }

    /** The offset after the quote closing the one at {@code i} (or {@code to} when it is not closed). */
    private static int closingQuote(String text, int i, int to) {
        char q = text.charAt(i);
        for (int e = i + 1; e < to; e++) {
            char c = text.charAt(e);
            if (c == '\\' && q == '"') {
                e++;
            } else if (c == q) {
                return e + 1;
            }
        }
        return to;
    }
}
