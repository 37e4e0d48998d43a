package dev.saker.filter;

/**
 * The condition language's tokens, read at a cursor the way libsinsp's parser reads them: there is
 * no separate token stream, each parse step asks for the token it can accept next. Every method
 * either consumes its token (setting {@link #token} and {@link #tokenStart}) and returns true, or
 * leaves the cursor where it was and returns false.
 */
final class ConditionLexer {
    final String text;
    int pos;
    /** The last token read (for quoted strings: the unescaped content). */
    String token = "";
    int tokenStart;
    /** Where the last token ended (trailing blanks excluded): the end of the spans of nodes that close there. */
    int lastEnd;

    ConditionLexer(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    /** Blanks as libsinsp's lex_blank knows them: space, tab, backspace, CR, LF. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\b' || c == '\r' || c == '\n';
    }

    /** POSIX [:space:]: the blanks of the bare-string classes (includes VT and FF, not backspace). */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    boolean blank() {
        int start = pos;
        while (pos < text.length() && isBlank(text.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    /** A literal prefix, e.g. "(", "and", "not(". */
    boolean literal(String s) {
        if (text.startsWith(s, pos)) {
            take(pos + s.length());
            return true;
        }
        return false;
    }

    /** A keyword that must be followed by a blank (consumed too), e.g. "contains ". */
    boolean keywordThenBlank(String s) {
        int saved = pos;
        if (text.startsWith(s, pos)) {
            int start = pos;
            pos += s.length();
            if (blank()) {
                tokenStart = start;
                token = s;
                lastEnd = start + s.length();
                return true;
            }
        }
        pos = saved;
        return false;
    }

    /** "not" followed by blanks (RGX_NOTBLANK). */
    boolean notBlank() {
        return keywordThenBlank("not");
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    private int segmentEnd(int from) {
        if (from >= text.length() || !isLetter(text.charAt(from))) {
            return -1;
        }
        int i = from + 1;
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Identifier ::= [a-zA-Z]+[a-zA-Z0-9_]* */
    boolean identifier() {
        int end = segmentEnd(pos);
        if (end < 0) {
            return false;
        }
        take(end);
        return true;
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty() || !isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isWordChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** FieldName ::= Identifier ('.' Identifier)+ , longest match. */
    boolean fieldName() {
        int end = segmentEnd(pos);
        if (end < 0) {
            return false;
        }
        int segments = 1;
        while (end < text.length() && text.charAt(end) == '.') {
            int next = segmentEnd(end + 1);
            if (next < 0) {
                break;
            }
            end = next;
            segments++;
        }
        if (segments < 2) {
            return false;
        }
        take(end);
        return true;
    }

    /** HexNumber ::= 0[xX][0-9a-fA-F]+ */
    boolean hexNumber() {
        if (pos + 2 < text.length() && text.charAt(pos) == '0'
                && (text.charAt(pos + 1) == 'x' || text.charAt(pos + 1) == 'X')) {
            int i = pos + 2;
            while (i < text.length() && Character.digit(text.charAt(i), 16) >= 0 && text.charAt(i) < 128) {
                i++;
            }
            if (i > pos + 2) {
                take(i);
                return true;
            }
        }
        return false;
    }

    /** Number ::= [+\-]?[0-9]+[\.]?[0-9]*([eE][+\-][0-9]+)? */
    boolean number() {
        int i = pos;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        if (i == digits) {
            return false;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
        }
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        if (i + 2 < text.length()) {
            char e = text.charAt(i);
            char sign = text.charAt(i + 1);
            if ((e == 'e' || e == 'E') && (sign == '+' || sign == '-') && isDigit(text.charAt(i + 2))) {
                i += 3;
                while (i < text.length() && isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        take(i);
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** BareStr ::= [^()"'[:space:]=,]+ */
    boolean bareString() {
        int i = pos;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || c == '"' || c == '\'' || c == '=' || c == ',' || isSpace(c)) {
                break;
            }
            i++;
        }
        if (i == pos) {
            return false;
        }
        take(i);
        return true;
    }

    /** FieldArgBareStr ::= [^][\"'[:space:]]+ */
    boolean fieldArgBareString() {
        int i = pos;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[' || c == ']' || c == '"' || c == '\'' || isSpace(c)) {
                break;
            }
            i++;
        }
        if (i == pos) {
            return false;
        }
        take(i);
        return true;
    }

    /**
     * QuotedStr: from a quote to the first same quote not preceded by a backslash, then unescaped.
     * Returns false (cursor unmoved) when no quote starts here; throws when the string never closes
     * or holds a bad escape.
     */
    boolean quotedString() {
        char delimiter = peek();
        if (delimiter != '"' && delimiter != '\'') {
            return false;
        }
        char prev = '\\';
        for (int i = pos; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter && prev != '\\') {
                String content = Escapes.unescape(text, pos, i, delimiter);
                tokenStart = pos;
                pos = i + 1;
                lastEnd = pos;
                token = content;
                return true;
            }
            prev = c;
        }
        throw new Failure(FilterProblem.Code.UNTERMINATED_STRING,
                "unterminated quoted string", pos, text.length());
    }

    private void take(int end) {
        tokenStart = pos;
        token = text.substring(pos, end);
        pos = end;
        lastEnd = end;
    }

    /** The cursor and last-token state, for the parser's one bit of backtracking. */
    record Mark(int pos, String token, int tokenStart, int lastEnd) {
    }

    Mark mark() {
        return new Mark(pos, token, tokenStart, lastEnd);
    }

    void reset(Mark m) {
        pos = m.pos();
        token = m.token();
        tokenStart = m.tokenStart();
        lastEnd = m.lastEnd();
    }
}
