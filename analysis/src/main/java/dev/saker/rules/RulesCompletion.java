package dev.saker.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What to offer at the caret of a rules text: after a comparison operator the values the field on
 * its left takes in the open capture; inside {@code in (...)} the lists, then those values; elsewhere
 * the fields, macros and lists whose names start with the word typed so far.
 */
public final class RulesCompletion {
    private static final String STOPS = "(),\"'=<>![] \t\n\r";
    private static final Set<String> VALUE_OPERATORS = Set.of("=", "==", "!=", "<", "<=", ">", ">=", "contains",
            "icontains", "startswith", "endswith", "glob", "iglob");
    private static final Set<String> SET_OPERATORS = Set.of("in", "intersects", "pmatch");
    static final int LIMIT = 200;

    /** Replace {@code [start, end)} with one of {@code candidates}; {@code field} is set when they are values. */
    public record Proposal(int start, int end, String field, List<String> candidates) {
    }

    private final Collection<String> fields;
    private final Set<String> macros;
    private final Set<String> lists;
    private final Function<String, List<String>> valuesOf;

    /** {@code valuesOf} gives a field's values in the open capture (empty when none is open). */
    public RulesCompletion(Collection<String> fields, Set<String> macros, Set<String> lists,
            Function<String, List<String>> valuesOf) {
        this.fields = fields;
        this.macros = macros;
        this.lists = lists;
        this.valuesOf = valuesOf;
    }

    public Proposal at(String text, int caret) {
        int start = caret;
        while (start > 0 && STOPS.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        String prefix = text.substring(start, caret);
        String field = fieldBefore(text, start);
        List<String> out = new ArrayList<>();
        if (field != null) {
            if (setFieldBefore(text, start) != null) {
                // inside a set a list of the rules is as good as a value, and usually what one wants
                new TreeSet<>(lists).stream().filter(l -> l.startsWith(prefix)).limit(LIMIT).forEach(out::add);
            }
            for (String v : valuesOf.apply(field)) {
                if (v.startsWith(prefix) && out.size() < LIMIT) {
                    out.add(needsQuotes(v) ? '"' + v.replace("\"", "\\\"") + '"' : v);
                }
            }
            return new Proposal(start, caret, field, out);
        }
        Set<String> names = new TreeSet<>();
        for (String m : macros) {
            if (m.startsWith(prefix)) {
                names.add(m);
            }
        }
        for (String l : lists) {
            if (l.startsWith(prefix)) {
                names.add(l);
            }
        }
        for (String f : fields) {
            if (f.startsWith(prefix) && !prefix.isEmpty()) {
                names.add(f);
            }
        }
        names.stream().limit(LIMIT).forEach(out::add);
        return new Proposal(start, caret, null, out);
    }

    private static boolean needsQuotes(String v) {
        return v.isEmpty() || v.chars().anyMatch(c -> STOPS.indexOf(c) >= 0);
    }

    /** The field compared by the operator before {@code at} ({@code f = |}, {@code f in (a, |}), or null. */
    private String fieldBefore(String text, int at) {
        String inSet = setFieldBefore(text, at);
        if (inSet != null) {
            return inSet;
        }
        int i = skipBlanksBack(text, at);
        String op = operatorBefore(text, i);
        if (op != null && VALUE_OPERATORS.contains(op)) {
            return fieldAt(text, skipBlanksBack(text, i - op.length()));
        }
        return null;
    }

    /** The field of the set ({@code f in (a, |}) that {@code at} is inside, or null. */
    private String setFieldBefore(String text, int at) {
        // walk back over the set's values to the opening parenthesis
        int j = skipBlanksBack(text, at);
        while (j > 0 && "()=<>".indexOf(text.charAt(j - 1)) < 0) {
            j--;
        }
        if (j > 0 && text.charAt(j - 1) == '(') {
            int k = skipBlanksBack(text, j - 1);
            String op = wordBefore(text, k);
            if (SET_OPERATORS.contains(op)) {
                return fieldAt(text, skipBlanksBack(text, k - op.length()));
            }
        }
        return null;
    }

    private String fieldAt(String text, int end) {
        String w = wordBefore(text, end);
        return fields.contains(w) || w.contains("[") && fields.contains(w.substring(0, w.indexOf('['))) ? w : null;
    }

    private static String operatorBefore(String text, int end) {
        int s = end;
        while (s > 0 && "=<>!".indexOf(text.charAt(s - 1)) >= 0) {
            s--;
        }
        if (s < end) {
            return text.substring(s, end);
        }
        return wordBefore(text, end);
    }

    private static String wordBefore(String text, int end) {
        int s = end;
        while (s > 0 && "()\"' \t\n\r=<>!,".indexOf(text.charAt(s - 1)) < 0) {
            s--;
        }
        return text.substring(s, end);
    }

    private static int skipBlanksBack(String text, int i) {
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
