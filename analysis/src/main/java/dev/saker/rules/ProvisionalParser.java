package dev.saker.rules;

import dev.saker.rules.ConditionLanguage.ConditionError;
import dev.saker.rules.ProvisionalSyntax.Operand;
import dev.saker.rules.ProvisionalSyntax.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for dev.saker.filter's parser, following libsinsp's parser.cpp step by step (same
 * lexing order, same error messages) for the grammar in its EBNF. Replaced when the filter
 * package lands; kept small on purpose.
 */
final class ProvisionalParser {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");
    private static final Pattern FIELD = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*(\\.[a-zA-Z]+[a-zA-Z0-9_]*)+");
    private static final Pattern FIELD_ARG_BARE = Pattern.compile("[^\\]\\[\"'\\s]+");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern NUM = Pattern.compile("[+\\-]?[0-9]+[.]?[0-9]*([eE][+\\-][0-9]+)?");
    private static final Pattern BARESTR = Pattern.compile("[^()\"'\\s=,]+");
    private static final Pattern NOT_BLANK = Pattern.compile("not\\s+");
    private static final List<String> NUM_OPS = List.of("<=", "<", ">=", ">");
    private static final List<String> STR_OPS = List.of("==", "=", "!=", "glob ", "iglob ", "contains ", "icontains ",
            "bcontains ", "startswith ", "bstartswith ", "endswith ", "regex ");
    private static final List<String> LIST_OPS = List.of("intersects", "in", "pmatch");
    private static final List<String> MODIFIERS = List.of("oneof ", "anyof ", "allof ");
    private static final List<String> TRANSFORMERS = List.of("tolower(", "toupper(", "b64(", "basename(", "len(",
            "join(", "concat(", "getopt(");
    private static final int MAX_DEPTH = 1000;

    private final String in;
    private int idx;
    private int line = 1;
    private int col = 1;
    private String last = "";
    private int depth;

    private ProvisionalParser(String in) {
        this.in = in;
    }

    static ProvisionalSyntax parse(String text) throws ConditionError {
        ProvisionalParser p = new ProvisionalParser(text);
        if (text.isEmpty()) {
            throw p.error("filter input string is empty");
        }
        ProvisionalSyntax res = p.parseOr();
        if (p.idx != text.length()) {
            throw p.error("unexpected token after '" + p.last + "', expecting 'or', 'and'");
        }
        return res;
    }

    private ConditionError error(String msg) {
        return new ConditionError(msg, idx, line, col);
    }

    private Pos pos() {
        return new Pos(idx, line, col);
    }

    private void enter() throws ConditionError {
        if (++depth > MAX_DEPTH) {
            throw error("exceeded max depth limit of " + MAX_DEPTH);
        }
    }

    private ProvisionalSyntax parseOr() throws ConditionError {
        enter();
        Pos p = pos();
        List<ProvisionalSyntax> children = new ArrayList<>();
        blank();
        children.add(parseAnd());
        blank();
        while (str("or")) {
            if (!blank()) {
                if (str("(")) {
                    children.add(embedded());
                } else {
                    throw error("expected blank or '(' after 'or'");
                }
            } else {
                children.add(parseAnd());
            }
            blank();
        }
        depth--;
        return children.size() > 1 ? new ProvisionalSyntax.Or(children, p) : children.get(0);
    }

    private ProvisionalSyntax parseAnd() throws ConditionError {
        enter();
        Pos p = pos();
        List<ProvisionalSyntax> children = new ArrayList<>();
        blank();
        children.add(parseNot());
        blank();
        while (str("and")) {
            if (!blank()) {
                if (str("(")) {
                    children.add(embedded());
                } else {
                    throw error("expected blank or '(' after 'and'");
                }
            } else {
                children.add(parseNot());
            }
            blank();
        }
        depth--;
        return children.size() > 1 ? new ProvisionalSyntax.And(children, p) : children.get(0);
    }

    private ProvisionalSyntax parseNot() throws ConditionError {
        enter();
        Pos p = pos();
        boolean not = false;
        blank();
        while (rgx(NOT_BLANK)) {
            not = !not;
        }
        ProvisionalSyntax child;
        if (str("not(")) {
            not = !not;
            child = embedded();
        } else {
            child = parseCheck();
        }
        depth--;
        return not ? new ProvisionalSyntax.Not(child, p) : child;
    }

    private ProvisionalSyntax embedded() throws ConditionError {
        blank();
        ProvisionalSyntax child = parseOr();
        blank();
        if (!str(")")) {
            throw error("expected a ')' token");
        }
        return child;
    }

    private ProvisionalSyntax parseCheck() throws ConditionError {
        enter();
        Pos p = pos();
        blank();
        try {
            if (str("(")) {
                return embedded();
            }
            if (rgx(FIELD)) {
                return condition(fieldRemainder(last, p), p);
            }
            if (strList(TRANSFORMERS)) {
                blank();
                return condition(transformerRemainder(last.substring(0, last.length() - 1), p), p);
            }
            if (rgx(IDENTIFIER)) {
                return new ProvisionalSyntax.Identifier(last, p);
            }
            throw error("expected a '(' token, a field check, or an identifier");
        } finally {
            depth--;
        }
    }

    private Operand fieldRemainder(String field, Pos p) throws ConditionError {
        String arg = optionalArg();
        return Operand.field(field, arg, p);
    }

    private String optionalArg() throws ConditionError {
        if (!str("[")) {
            return null;
        }
        if (!quoted() && !rgx(FIELD_ARG_BARE)) {
            throw error("expected a valid field argument: a quoted string or a bare string");
        }
        String arg = last;
        if (!str("]")) {
            throw error("expected a ']' token");
        }
        return arg;
    }

    /** After "name(": arguments (fields, transformers, values, lists) up to ")". */
    private Operand transformerRemainder(String name, Pos p) throws ConditionError {
        enter();
        List<Operand> args = new ArrayList<>();
        do {
            blank();
            Pos ap = pos();
            if (rgx(FIELD)) {
                args.add(fieldRemainder(last, ap));
            } else if (strList(TRANSFORMERS)) {
                blank();
                args.add(transformerRemainder(last.substring(0, last.length() - 1), ap));
            } else if (quoted() || rgx(HEX) || rgx(NUM)) {
                args.add(Operand.value(last, ap));
            } else if (str("(")) {
                int open = 1;
                while (idx < in.length() && open > 0) {
                    char c = in.charAt(idx);
                    open += c == '(' ? 1 : c == ')' ? -1 : 0;
                    advance(c);
                }
                args.add(Operand.value("(...)", ap));
            } else {
                throw error("expected a field or a nested valid transformer: " + TRANSFORMERS);
            }
            blank();
        } while (str(","));
        if (!str(")")) {
            throw error("expected a ')' token closing the transformer");
        }
        depth--;
        return new Operand(null, optionalArg(), name, args, null, p);
    }

    private Operand transformerOrVal() throws ConditionError {
        blank();
        Pos p = pos();
        if (str("val(")) {
            blank();
            Pos fp = pos();
            if (!rgx(FIELD)) {
                throw error("expected a field within 'val' transformer");
            }
            Operand f = fieldRemainder(last, fp);
            blank();
            if (!str(")")) {
                throw error("expected a ')' token closing the transformer");
            }
            return new Operand(null, optionalArg(), "val", List.of(f), null, p);
        }
        if (strList(TRANSFORMERS)) {
            blank();
            return transformerRemainder(last.substring(0, last.length() - 1), p);
        }
        return null;
    }

    private ProvisionalSyntax condition(Operand left, Pos p) throws ConditionError {
        blank();
        if (opList(List.of("exists"))) {
            return new ProvisionalSyntax.Check(left, "exists", null, null, p);
        }
        blank();
        if (opList(NUM_OPS)) {
            String op = last.trim();
            Operand right = transformerOrVal();
            if (right == null) {
                blank();
                Pos vp = pos();
                if (!rgx(HEX) && !rgx(NUM)) {
                    throw error("expected a number value or a field with a valid transformer");
                }
                right = Operand.value(last, vp);
            }
            return new ProvisionalSyntax.Check(left, op, right, null, p);
        }
        if (opList(STR_OPS)) {
            String op = last.trim();
            boolean hadBlank = Character.isLetter(op.charAt(0)) || blank();
            int[] saved = save();
            String savedLast = last;
            if (hadBlank && opList(MODIFIERS) && listFollows() && !boolKeywordFollows()) {
                op = op + " " + last.trim();
                return new ProvisionalSyntax.Check(left, op, null, listValue(false), p);
            }
            restore(saved);
            last = savedLast;
            Operand right = transformerOrVal();
            if (right == null) {
                blank();
                Pos vp = pos();
                if (!quoted() && !rgx(BARESTR)) {
                    throw error("expected a string value or a field with a valid transformer");
                }
                right = Operand.value(last, vp);
            }
            return new ProvisionalSyntax.Check(left, op, right, null, p);
        }
        if (opList(LIST_OPS)) {
            String op = last.trim();
            blank();
            if (in.startsWith("(", idx)) {
                return new ProvisionalSyntax.Check(left, op, null, listValue(true), p);
            }
            Operand right = transformerOrVal();
            if (right == null) {
                Pos vp = pos();
                if (!rgx(IDENTIFIER)) {
                    throw error("expected a list, an identifier, or a field with a valid transformer");
                }
                right = Operand.value(last, vp);
            }
            return new ProvisionalSyntax.Check(left, op, right, null, p);
        }
        throw error("expected a valid check operator: one of " + String.join(", ", Operators.ALL));
    }

    private List<String> listValue(boolean allowIdentifier) throws ConditionError {
        blank();
        List<String> values = new ArrayList<>();
        if (str("(")) {
            blank();
            if (quoted() || rgx(BARESTR)) {
                values.add(last);
                blank();
                while (str(",")) {
                    blank();
                    if (!quoted() && !rgx(BARESTR)) {
                        throw error("expected a string value");
                    }
                    values.add(last);
                    blank();
                }
            }
            if (!str(")")) {
                throw error("expected a ')' token");
            }
            return values;
        }
        if (rgx(IDENTIFIER)) {
            values.add(last);
            return values;
        }
        throw error("expected a list or an identifier");
    }

    private boolean listFollows() {
        if (in.startsWith("(", idx)) {
            return true;
        }
        return IDENTIFIER.matcher(in).region(idx, in.length()).lookingAt();
    }

    private boolean boolKeywordFollows() {
        for (String kw : List.of("and", "or", "not")) {
            if (in.startsWith(kw, idx)
                    && (idx + kw.length() == in.length() || !Character.isLetterOrDigit(in.charAt(idx + kw.length())))) {
                return true;
            }
        }
        return false;
    }

    // --- lexing ---

    private int[] save() {
        return new int[] {idx, line, col};
    }

    private void restore(int[] s) {
        idx = s[0];
        line = s[1];
        col = s[2];
    }

    private void advance(char c) {
        idx++;
        if (c == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }

    private void advance(String s) {
        for (int i = 0; i < s.length(); i++) {
            advance(s.charAt(i));
        }
    }

    private boolean blank() {
        boolean found = false;
        while (idx < in.length() && " \t\b\r\n".indexOf(in.charAt(idx)) >= 0) {
            found = true;
            advance(in.charAt(idx));
        }
        return found;
    }

    private boolean str(String s) {
        if (in.startsWith(s, idx)) {
            last = s;
            advance(s);
            return true;
        }
        return false;
    }

    private boolean strList(List<String> list) {
        for (String s : list) {
            if (str(s)) {
                return true;
            }
        }
        return false;
    }

    /** Operators ending in a blank need one after them; the blank is consumed with them. */
    private boolean opList(List<String> list) {
        for (String op : list) {
            if (!op.endsWith(" ")) {
                if (str(op)) {
                    return true;
                }
                continue;
            }
            int[] saved = save();
            String savedLast = last;
            if (str(op.trim())) {
                if (blank()) {
                    return true;
                }
                restore(saved);
                last = savedLast;
            }
        }
        return false;
    }

    private boolean rgx(Pattern p) {
        Matcher m = p.matcher(in).region(idx, in.length());
        if (m.lookingAt()) {
            last = m.group();
            advance(last);
            return true;
        }
        return false;
    }

    private boolean quoted() throws ConditionError {
        if (idx >= in.length() || (in.charAt(idx) != '\'' && in.charAt(idx) != '"')) {
            return false;
        }
        char delim = in.charAt(idx);
        int[] saved = save();
        StringBuilder tok = new StringBuilder();
        char prev = '\\';
        while (idx < in.length()) {
            char c = in.charAt(idx);
            if (c == delim && prev != '\\') {
                advance(c);
                tok.append(delim);
                last = Unescape.quoted(tok.toString(), this::error);
                return true;
            }
            prev = c;
            tok.append(c);
            advance(c);
        }
        restore(saved);
        return false;
    }
}
