package dev.saker.rules;

import dev.saker.fields.FieldRegistry;
import java.util.List;

/**
 * Checks a rule output the way libsinsp's formatter parses it: after each '%' an optional width,
 * then the longest field (or transformer over a field) that starts there. Only validity is
 * decided here; rendering alerts is the engine's and format's business.
 */
final class OutputFormat {
    private static final List<String> TRANSFORMERS = List.of("tolower(", "toupper(", "b64(", "basename(", "len(");

    private OutputFormat() {
    }

    /** Null when the output is valid, else libsinsp's message. */
    static String check(String fmt, FieldRegistry fields) {
        // Falco prepends '*' (print missing fields as <NA>); it is not a field token.
        int j = 0;
        while (j < fmt.length()) {
            if (fmt.charAt(j) != '%') {
                j++;
                continue;
            }
            if (j == fmt.length() - 1) {
                return "invalid formatting syntax: formatting cannot end with a %";
            }
            int k = j + 1;
            while (k < fmt.length() && Character.isDigit(fmt.charAt(k))) {
                k++;
            }
            if (k == fmt.length()) {
                return "invalid formatting syntax: formatting cannot end with a number";
            }
            int end = token(fmt, k, fields);
            if (end < 0) {
                int stop = k;
                while (stop < fmt.length() && isTokenChar(fmt.charAt(stop))) {
                    stop++;
                }
                return "invalid formatting token " + fmt.substring(k, stop);
            }
            j = end;
        }
        return null;
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '[' || c == ']';
    }

    /** The end of the field or transformer token at {@code from}, or -1. */
    private static int token(String fmt, int from, FieldRegistry fields) {
        for (String t : TRANSFORMERS) {
            if (fmt.startsWith(t, from)) {
                int inner = token(fmt, from + t.length(), fields);
                return inner >= 0 && inner < fmt.length() && fmt.charAt(inner) == ')' ? inner + 1 : -1;
            }
        }
        var bound = fields.resolvePrefix(fmt, from);
        return bound == null ? -1 : from + bound.text().length();
    }
}
