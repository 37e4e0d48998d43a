package dev.saker.filter;

/**
 * One thing wrong with a condition, located in its text. Falco reports every one of these as
 * LOAD_ERR_COMPILE_CONDITION; the code says which stage found it and lets the filter bar tell an
 * incomplete condition (the user is still typing) from an invalid one.
 */
public record FilterProblem(Code code, String message, Span span) {

    public enum Code {
        /** Nothing but blanks ("filter input string is empty"). */
        EMPTY,
        /** The text ends where more was required: trailing 'and', an open parenthesis, no operator yet. */
        UNEXPECTED_END,
        /** A quoted string with no closing quote. */
        UNTERMINATED_STRING,
        /** Text that no continuation can make valid. */
        SYNTAX,
        /** An escape sequence the language does not have. */
        BAD_ESCAPE,
        /** Nesting deeper than the parser's limit. */
        TOO_DEEP,
        /** A field name no field family knows ("filter_check called with nonexistent field"). */
        UNKNOWN_FIELD,
        /** A bracket argument on a field without one, or a missing required one. */
        FIELD_ARGUMENT,
        /** An operator the field's type does not support. */
        OPERATOR_NOT_SUPPORTED,
        /** A value that cannot be read as the field's type (e.g. a word for a number field). */
        BAD_VALUE,
        /** A macro or list name left unexpanded when the condition was compiled. */
        UNDEFINED_IDENTIFIER,
        /** A transformer used where, or on what, it cannot be. */
        TRANSFORMER
    }

    /** Whether more typing could fix it (the filter bar's "incomplete" rather than "invalid"). */
    public boolean isIncomplete() {
        return code == Code.UNEXPECTED_END || code == Code.UNTERMINATED_STRING || code == Code.EMPTY;
    }

    /**
     * The problem as printed for a user: {@code source:line:col: message}, the offending line of
     * {@code text}, and a caret line under the span.
     */
    public String render(String text) {
        int lineStart = lineStart(text);
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return span.source() + ":" + line + ":" + (span.start() - lineStart + 1) + ": " + message + "\n" + excerpt(text);
    }

    /** The line of {@code text} holding the span's start, and under it carets marking the span. */
    public String excerpt(String text) {
        int lineStart = lineStart(text);
        int lineEnd = text.indexOf('\n', Math.min(span.start(), text.length()));
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        int col = span.start() - lineStart;
        int carets = Math.max(1, Math.min(span.end(), lineEnd) - span.start());
        return text.substring(lineStart, lineEnd) + "\n" + " ".repeat(col) + "^".repeat(carets);
    }

    private int lineStart(String text) {
        int start = Math.min(span.start(), text.length());
        return start == 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
    }
}
