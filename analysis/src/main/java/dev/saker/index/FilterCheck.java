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
        if (text == null || text.isBlank()) {
            return new FilterCheck(Status.EMPTY, "", 0, 0);
        }
        CompileResult r = RowFilter.compile(text);
        if (r.ok()) {
            return new FilterCheck(Status.VALID, "", 0, 0);
        }
        FilterProblem p = r.problems().get(0);
        int start = Math.max(0, Math.min(text.length(), p.span().start()));
        int end = Math.max(start, Math.min(text.length(), p.span().end()));
        return new FilterCheck(p.isIncomplete() ? Status.INCOMPLETE : Status.INVALID, p.message(), start, end);
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
