package dev.saker.index;

import dev.saker.fields.Field;
import dev.saker.filter.CompileResult;
import dev.saker.filter.FilterProblem;
import dev.saker.format.RenderedFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The filter bar's judgement of what is typed so far: empty, valid, incomplete (more typing can fix
 * it) or invalid, with the first problem's message and span; and the field names that complete the
 * word at the caret.
 */
public record FilterCheck(Status status, String message, int start, int end) {
    public enum Status { EMPTY, VALID, INCOMPLETE, INVALID }

    private static final List<String> FIELD_NAMES = fieldNames();

    public static FilterCheck of(String text) {
        return of(text, FilterMacros.NONE);
    }

    /**
     * The check with the loaded rules' macros: a condition that names one and does not compile alone
     * is compiled with the rules; if that fails too, the loader's message covers the whole text.
     */
    public static FilterCheck of(String text, FilterMacros macros) {
        if (text == null || text.isBlank()) {
            return new FilterCheck(Status.EMPTY, "", 0, 0);
        }
        CompileResult r = RowFilter.compile(text);
        if (r.ok() && !macros.mentionsList(text)) {
            return new FilterCheck(Status.VALID, "", 0, 0);
        }
        if (r.ok()) {
            // a list's name compiles alone as a plain value: only the rules say whether it expands well
            FilterMacros.Compiled m = macros.compile(text);
            return m.filter() != null ? new FilterCheck(Status.VALID, "", 0, 0)
                    : new FilterCheck(Status.INVALID, m.problem(), 0, text.length());
        }
        FilterProblem p = r.problems().get(0);
        if (!p.isIncomplete() && macros.mentions(text)) {
            FilterMacros.Compiled m = macros.compile(text);
            return m.filter() != null ? new FilterCheck(Status.VALID, "", 0, 0)
                    : new FilterCheck(Status.INVALID, m.problem(), 0, text.length());
        }
        int start = Math.max(0, Math.min(text.length(), p.span().start()));
        int end = Math.max(start, Math.min(text.length(), p.span().end()));
        return new FilterCheck(p.isIncomplete() ? Status.INCOMPLETE : Status.INVALID, p.message(), start, end);
    }

    /** What completes the text before the caret: the text from {@code start} to the caret is replaced by a candidate. */
    public record Completion(int start, List<String> candidates) {
    }

    // "field =" / "field !=" right before a value being typed, or "field in (a, " inside a list
    private static final java.util.regex.Pattern VALUE_AFTER_COMPARISON =
            java.util.regex.Pattern.compile("([A-Za-z_][\\w.]*)\\s*(?:=|==|!=)\\s*$");
    private static final java.util.regex.Pattern VALUE_IN_LIST =
            java.util.regex.Pattern.compile("([A-Za-z_][\\w.]*)\\s+(?:in|intersects|pmatch)\\s*\\((?:[^()]*,)?\\s*$");

    /**
     * Completions at {@code caret}: values present in the capture when a value of a field is being
     * typed ({@code valuesOf} gives them by field name, empty when it knows none), else field names.
     */
    public static Completion complete(String text, int caret, java.util.function.Function<String, java.util.Collection<String>> valuesOf) {
        return complete(text, caret, valuesOf, FilterMacros.NONE);
    }

    /**
     * As {@link #complete(String, int, java.util.function.Function)}, with the rules' macro names after
     * the field names, and inside {@code field in (...)} the rules' list names before the values.
     */
    public static Completion complete(String text, int caret, java.util.function.Function<String, java.util.Collection<String>> valuesOf,
            FilterMacros macros) {
        int end = Math.min(caret, text.length());
        int valueStart = end;
        while (valueStart > 0 && " \t(),=!".indexOf(text.charAt(valueStart - 1)) < 0) {
            valueStart--;
        }
        String before = text.substring(0, valueStart);
        java.util.regex.Matcher m = VALUE_AFTER_COMPARISON.matcher(before);
        boolean inList = false;
        if (!m.find()) {
            m = VALUE_IN_LIST.matcher(before);
            inList = m.find();
            if (!inList) {
                m = null;
            }
        }
        if (m != null) {
            String prefix = text.substring(valueStart, end);
            List<String> values = new ArrayList<>();
            for (String v : valuesOf.apply(m.group(1))) {
                if (v.startsWith(prefix) && !v.equals(prefix) && !v.isEmpty()) {
                    values.add(v);
                }
            }
            values.sort(null);
            if (inList) {
                List<String> lists = new ArrayList<>(macros.listsStartingWith(prefix));
                values.removeAll(lists);
                lists.addAll(values);
                values = lists;
                // what the set already holds is not offered again
                for (String typed : before.substring(before.lastIndexOf('(') + 1).split(",")) {
                    values.remove(typed.strip());
                }
            }
            return new Completion(valueStart, values);
        }
        int start = wordStart(text, end);
        List<String> names = new ArrayList<>(fieldsStartingWith(text.substring(start, end)));
        names.addAll(macros.startingWith(text.substring(start, end)));
        return new Completion(start, names);
    }

    /** Start of the field-name-like word that ends at {@code caret}. */
    public static int wordStart(String text, int caret) {
        int i = Math.min(caret, text.length());
        while (i > 0 && isWordChar(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Field names beginning with {@code prefix} (case-sensitive, as field names are), sorted; none for "". */
    public static List<String> fieldsStartingWith(String prefix) {
        List<String> out = new ArrayList<>();
        if (prefix.isEmpty()) {
            return out;
        }
        for (String n : FIELD_NAMES) {
            if (n.startsWith(prefix) && !n.equals(prefix)) {
                out.add(n);
            }
        }
        return out;
    }

    public static List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (Field f : RenderedFields.registry().all()) {
            names.add(f.name());
        }
        names.sort(null);
        return List.copyOf(names);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_';
    }
}
