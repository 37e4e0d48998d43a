package dev.saker.format;

import dev.saker.fields.BoundField;
import dev.saker.fields.EventContext;
import dev.saker.fields.FieldRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A sysdig output format ({@code -p}): literal text with {@code %field} or {@code %field[arg]}
 * references, optionally {@code %Nfield} to pad or cut a value to N characters. By default an event
 * is printed only when every field has a value; a leading {@code *} prints every event, with
 * {@code <NA>} for missing values. As in sysdig, a field name is the longest known name at the
 * {@code %}, and there is no escape for a literal percent sign.
 */
public final class FieldFormat {
    public static final String NA = "<NA>";

    private final List<Token> tokens;
    private final boolean requireAll;

    /** One piece of the format: literal text (field null) or a field with its optional width. */
    public record Token(String literal, BoundField field, int width) {
    }

    private FieldFormat(List<Token> tokens, boolean requireAll) {
        this.tokens = tokens;
        this.requireAll = requireAll;
    }

    /** Parses a format; throws {@link FormatException} with the offending position for bad input. */
    public static FieldFormat parse(String format, FieldRegistry registry) {
        if (format.isEmpty()) {
            throw new FormatException("empty format", 0);
        }
        boolean requireAll = true;
        String f = format;
        int shift = 0;
        if (f.charAt(0) == '*') {
            requireAll = false;
            f = f.substring(1);
            shift = 1;
        }
        List<Token> tokens = new ArrayList<>();
        int literalStart = 0;
        int i = 0;
        while (i < f.length()) {
            if (f.charAt(i) != '%') {
                i++;
                continue;
            }
            if (i > literalStart) {
                tokens.add(new Token(f.substring(literalStart, i), null, 0));
            }
            if (i == f.length() - 1) {
                throw new FormatException("a format cannot end with %", i + shift);
            }
            int j = i + 1;
            int width = 0;
            while (j < f.length() && Character.isDigit(f.charAt(j))) {
                width = width * 10 + (f.charAt(j) - '0');
                j++;
            }
            if (j == f.length()) {
                throw new FormatException("a format cannot end with a number", j + shift);
            }
            BoundField field = registry.resolvePrefix(f, j);
            if (field == null) {
                throw new FormatException("unknown field " + fieldText(f, j), j + shift);
            }
            tokens.add(new Token(null, field, width));
            i = j + field.text().length();
            literalStart = i;
        }
        if (literalStart < f.length()) {
            tokens.add(new Token(f.substring(literalStart), null, 0));
        }
        return new FieldFormat(List.copyOf(tokens), requireAll);
    }

    private static String fieldText(String f, int from) {
        int end = from;
        while (end < f.length() && !Character.isWhitespace(f.charAt(end))) {
            end++;
        }
        return f.substring(from, end);
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** Whether events lacking a value are skipped (no leading '*'). */
    public boolean requiresAllValues() {
        return requireAll;
    }

    /** The event's line, or null when a field has no value and the format requires all values. */
    public String render(EventContext ctx) {
        StringBuilder sb = new StringBuilder();
        return render(ctx, sb) ? sb.toString() : null;
    }

    /**
     * Appends the event's line to {@code out}; false, leaving {@code out} as it was, when a field has
     * no value and the format requires all values.
     */
    public boolean render(EventContext ctx, StringBuilder out) {
        int start = out.length();
        for (Token t : tokens) {
            if (t.field() == null) {
                out.append(t.literal());
                continue;
            }
            int from = out.length();
            if (!t.field().appendText(ctx, out)) {
                if (requireAll) {
                    out.setLength(start);
                    return false;
                }
                out.append(NA);
            }
            if (t.width() > 0) {
                int len = out.length() - from;
                if (len > t.width()) {
                    out.setLength(from + t.width());
                } else {
                    out.append(" ".repeat(t.width() - len));
                }
            }
        }
        return true;
    }
}
