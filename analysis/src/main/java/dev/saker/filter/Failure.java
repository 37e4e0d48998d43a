package dev.saker.filter;

/**
 * A parse stopped by a problem at {@code [start, end)} of the text; carried out of the recursive
 * descent as an exception (cheap: no stack trace) and turned into a {@link FilterProblem} value by
 * {@link Condition#parse}.
 */
final class Failure extends RuntimeException {
    private static final String[] KEYWORDS = {"and", "or", "not", "exists", "glob", "iglob", "contains", "icontains",
        "bcontains", "startswith", "bstartswith", "endswith", "regex", "intersects", "in", "pmatch", "oneof", "anyof",
        "allof", "val", "tolower", "toupper", "b64", "basename", "len", "join", "concat", "getopt", "==", "!="};

    final FilterProblem.Code code;
    final int start;
    final int end;

    Failure(FilterProblem.Code code, String message, int start, int end) {
        super(message, null, false, false);
        this.code = code;
        this.start = start;
        this.end = end;
    }

    /**
     * A syntax problem at {@code pos}. It is "unexpected end" when nothing but blanks remains, or
     * when what remains is being typed: the start of a keyword or operator, a field name's next
     * '.segment', or (where a field is expected) the start of a field name. Otherwise it is a
     * syntax error spanning the offending word.
     */
    static Failure at(String text, int pos, String message, boolean fieldExpected) {
        int at = pos;
        while (at < text.length() && ConditionLexer.isBlank(text.charAt(at))) {
            at++;
        }
        String rest = text.substring(at);
        if (rest.isEmpty() || isKeywordPrefix(rest) || typingField(text, at, rest, fieldExpected)) {
            return new Failure(FilterProblem.Code.UNEXPECTED_END, message, at, text.length());
        }
        int end = at + 1;
        while (end < text.length() && !ConditionLexer.isBlank(text.charAt(end))) {
            end++;
        }
        return new Failure(FilterProblem.Code.SYNTAX, message, at, end);
    }

    private static boolean typingField(String text, int at, String rest, boolean fieldExpected) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '.') {
                return false;
            }
        }
        if (rest.charAt(0) == '.') {
            return at > 0 && Character.isLetterOrDigit(text.charAt(at - 1));
        }
        return fieldExpected && Character.isLetter(rest.charAt(0));
    }

    private static boolean isKeywordPrefix(String rest) {
        for (String k : KEYWORDS) {
            // a whole keyword still needs what follows it (a blank, a value), except exists, which ends a check
            if (k.startsWith(rest) && (k.length() > rest.length() || !k.equals("exists"))) {
                return true;
            }
        }
        return false;
    }
}
