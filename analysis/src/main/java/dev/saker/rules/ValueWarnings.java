package dev.saker.rules;

import dev.saker.fields.FieldRegistry;
import dev.saker.filter.Expr;
import dev.saker.filter.Operand;
import dev.saker.filter.Operator;
import dev.saker.filter.Span;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The warnings libsinsp's filter compiler gives for constant values (check_value_and_add_warnings),
 * which Falco reports as LOAD_COMPILE_CONDITION: a regex that simpler operators could do, a value
 * that names a field (a forgotten val()), a value that looks like a transformer call.
 */
final class ValueWarnings {
    private static final String REGEX_SPECIAL = ".+*?^$()[]{}|\\";
    private static final String OCCURRENCE = "+*?";
    private static final List<String> TRANSFORMERS = List.of("tolower", "toupper", "b64", "basename", "len", "join",
            "concat", "getopt", "val");

    private ValueWarnings() {
    }

    /** Calls {@code sink} with each warning's message and the span of the right-hand side. */
    static void of(Expr.Check c, FieldRegistry fields, BiConsumer<String, Span> sink) {
        if (c.right() == null || !(c.right() instanceof Operand.Value || c.right() instanceof Operand.ValueList)) {
            return;
        }
        Span at = c.right().span();
        for (Operand.Value value : EventCodes.values(c.right())) {
            String v = value.text();
            String nospaces = withoutWhitespace(v);
            if (c.op() == Operator.REGEX && regexIsPlain(v)) {
                sink.accept("regex check with '" + v + "' may be optimized with simpler operators such as '=',"
                        + " 'contains', 'startswith', 'endswith'", at);
            }
            if (!nospaces.isEmpty() && fields.resolvePrefix(nospaces, 0) != null) {
                sink.accept("'" + v + "' may be a valid field misused as a const string value", at);
            }
            for (String t : TRANSFORMERS) {
                if (nospaces.length() >= t.length() + 2 && nospaces.startsWith(t) && nospaces.charAt(t.length()) == '('
                        && nospaces.endsWith(")")) {
                    sink.accept("'" + v + "' may be a valid field transformer misused as a const string value", at);
                }
            }
        }
    }

    /** {@code v.replaceAll("\\s", "")} without compiling a pattern for every constant of every rule. */
    static String withoutWhitespace(String v) {
        StringBuilder out = null;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            boolean space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
            if (space && out == null) {
                out = new StringBuilder(v.length()).append(v, 0, i);
            } else if (!space && out != null) {
                out.append(ch);
            }
        }
        return out == null ? v : out.toString();
    }

    private static boolean regexIsPlain(String v) {
        int len = v.length();
        for (int i = 0; i < len; i++) {
            char ch = v.charAt(i);
            if ((i == 0 && ch == '^') || (i == len - 1 && ch == '$')) {
                continue;
            }
            if (((i == 0 && len > 1) || i == len - 2) && ch == '.' && i + 1 < len
                    && OCCURRENCE.indexOf(v.charAt(i + 1)) >= 0) {
                i++;
                continue;
            }
            if (REGEX_SPECIAL.indexOf(ch) >= 0) {
                return false;
            }
        }
        return true;
    }
}
