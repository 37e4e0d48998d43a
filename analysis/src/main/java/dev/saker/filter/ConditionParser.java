package dev.saker.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * The condition parser: recursive descent over the text, reading tokens at the cursor as
 * libsinsp's {@code libsinsp::filter::parser} does, so the same texts are accepted and the same
 * trees built. The grammar, as libs documents it in {@code filter/parser.h}:
 *
 * <pre>
 * Expr                ::= OrExpr
 * OrExpr              ::= AndExpr ('or' OrExprTail)*
 * OrExprTail          ::= ' ' AndExpr | '(' Expr ')'
 * AndExpr             ::= NotExpr ('and' AndExprTail)*
 * AndExprTail         ::= ' ' NotExpr | '(' Expr ')'
 * NotExpr             ::= ('not ')* NotExprTail
 * NotExprTail         ::= 'not(' Expr ')' | Check
 * Check               ::= Field Condition | FieldTransformer Condition | Identifier | '(' Expr ')'
 * FieldTransformer       ::= FieldTransformerType FieldTransformerTail
 * FieldTransformerTail   ::= FieldTransformerArg ( ',' FieldTransformerArg )* ')' ('[' FieldArg ']')?
 * FieldTransformerArg    ::= FieldTransformer | Field | QuotedStr | NumValue | TransformerList
 * TransformerList        ::= '(' ( TransformerListArg (',' TransformerListArg)* )? ')'
 * TransformerListArg     ::= Field | FieldTransformer | QuotedStr | NumValue
 * FieldTransformerOrVal  ::= FieldTransformer | FieldTransformerVal Field ')'
 * Condition           ::= UnaryOperator
 *                       | NumOperator (NumValue | FieldTransformerOrVal)
 *                       | StrOperator (StrValue | FieldTransformerOrVal)
 *                       | StrOperator StrOperatorModifier ListValue
 *                       | ListOperator (ListValue | FieldTransformerOrVal)
 * ListValue           ::= '(' (StrValue (',' StrValue)*)* ')' | Identifier
 * Field               ::= FieldName('[' FieldArg ']')?
 * FieldArg            ::= QuotedStr | FieldArgBareStr
 * NumValue            ::= HexNumber | Number
 * StrValue            ::= QuotedStr | BareStr
 * UnaryOperator       ::= 'exists'
 * NumOperator         ::= '&lt;=' | '&lt;' | '&gt;=' | '&gt;'
 * StrOperator         ::= '==' | '=' | '!=' | 'bcontains ' | 'bstartswith ' | 'contains ' | 'endswith '
 *                       | 'glob ' | 'icontains ' | 'iglob ' | 'startswith ' | 'regex '
 * StrOperatorModifier ::= 'oneof ' | 'anyof ' | 'allof '
 * ListOperator        ::= 'in' | 'intersects' | 'pmatch'
 * FieldTransformerVal    ::= 'val('
 * FieldTransformerType   ::= 'tolower(' | 'toupper(' | 'b64(' | 'basename(' | 'len(' | 'join(' | 'concat(' | 'getopt('
 * Identifier          ::= [a-zA-Z]+[a-zA-Z0-9_]*
 * FieldName           ::= [a-zA-Z]+[a-zA-Z0-9_]*(\.[a-zA-Z]+[a-zA-Z0-9_]*)+
 * FieldArgBareStr     ::= [^ \b\t\n\r\[\]"']+
 * HexNumber           ::= 0[xX][0-9a-zA-Z]+
 * Number              ::= [+\-]?[0-9]+[\.]?[0-9]*([eE][+\-][0-9]+)?
 * QuotedStr           ::= "(?:\\"|.)*?"|'(?:\\'|.)*?'
 * BareStr             ::= [^ \b\t\n\r\(\),="']+
 * </pre>
 *
 * What the implementation adds to that text (and this parser follows): blanks are space, tab,
 * backspace, CR and LF; keywords are lowercase prefixes, so {@code and}/{@code or} must be followed
 * by a blank or '('; word operators need a blank after them, {@code in}/{@code intersects}/
 * {@code pmatch} do not; operators are tried in the order listed (intersects before in); the
 * ordering operators take only numbers, val() or transformers; list elements are strings, never
 * fields; every {@code not} toggles negation (so {@code not not x} is x); a modifier is only taken
 * when a list or identifier follows and it is not a boolean keyword; anything left after the
 * expression is an error. Nesting deeper than the depth limit (Falco sets 1000) is an error.
 *
 * <p>Errors stop the parse at the first problem, as libs does; {@link Failure} carries it out to
 * {@link Condition#parse}, which turns it into a {@link FilterProblem} value.
 */
final class ConditionParser {
    private static final String[] STRING_OPS = {"==", "=", "!=", "glob ", "iglob ", "contains ", "icontains ",
        "bcontains ", "startswith ", "bstartswith ", "endswith ", "regex "};
    private static final Operator[] STRING_OP_VALUES = {Operator.EQEQ, Operator.EQ, Operator.NE, Operator.GLOB,
        Operator.IGLOB, Operator.CONTAINS, Operator.ICONTAINS, Operator.BCONTAINS, Operator.STARTSWITH,
        Operator.BSTARTSWITH, Operator.ENDSWITH, Operator.REGEX};
    private static final String ALL_OPERATORS = "'exists', '<=', '<', '>=', '>', '==', '=', '!=', 'glob', 'iglob', "
            + "'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'regex', "
            + "'intersects', 'in', 'pmatch'";
    private static final String TRANSFORMERS = "'val', 'tolower', 'toupper', 'b64', 'basename', 'len', 'join', "
            + "'concat', 'getopt'";

    private final ConditionLexer lx;
    private final String source;
    private final int maxDepth;
    private int depth;

    ConditionParser(String text, String source, int maxDepth) {
        this.lx = new ConditionLexer(text);
        this.source = source;
        this.maxDepth = maxDepth;
    }

    Expr parse() {
        if (lx.text.isBlank()) {
            throw new Failure(FilterProblem.Code.EMPTY, "filter input string is empty", 0, lx.text.length());
        }
        Expr e = parseOr();
        if (!lx.atEnd()) {
            throw fail("unexpected token after '" + lx.token + "', expecting 'or', 'and'");
        }
        return e;
    }

    private Span span(int start) {
        return new Span(source, start, Math.max(start, lx.lastEnd));
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw new Failure(FilterProblem.Code.TOO_DEEP, "exceeded max depth limit of " + maxDepth, lx.pos,
                    Math.min(lx.text.length(), lx.pos + 1));
        }
    }

    private <T> T leave(T result) {
        depth--;
        return result;
    }

    private Expr parseOr() {
        enter();
        lx.blank();
        int start = lx.pos;
        List<Expr> children = new ArrayList<>();
        children.add(parseAnd());
        lx.blank();
        while (lx.literal("or")) {
            if (!lx.blank()) {
                if (!lx.literal("(")) {
                    throw fail("expected blank or '(' after 'or'");
                }
                children.add(parseEmbeddedRemainder());
            } else {
                children.add(parseAnd());
            }
            lx.blank();
        }
        return leave(children.size() > 1 ? new Expr.Or(children, span(start)) : children.get(0));
    }

    private Expr parseAnd() {
        enter();
        lx.blank();
        int start = lx.pos;
        List<Expr> children = new ArrayList<>();
        children.add(parseNot());
        lx.blank();
        while (lx.literal("and")) {
            if (!lx.blank()) {
                if (!lx.literal("(")) {
                    throw fail("expected blank or '(' after 'and'");
                }
                children.add(parseEmbeddedRemainder());
            } else {
                children.add(parseNot());
            }
            lx.blank();
        }
        return leave(children.size() > 1 ? new Expr.And(children, span(start)) : children.get(0));
    }

    private Expr parseNot() {
        enter();
        lx.blank();
        int start = lx.pos;
        boolean negated = false;
        while (lx.notBlank()) {
            negated = !negated;
        }
        Expr child;
        if (lx.literal("not(")) {
            negated = !negated;
            child = parseEmbeddedRemainder();
        } else {
            child = parseCheck();
        }
        return leave(negated ? new Expr.Not(child, span(start)) : child);
    }

    /** After a '(' of a nested expression: the expression and its ')'. */
    private Expr parseEmbeddedRemainder() {
        enter();
        lx.blank();
        Expr child = parseOr();
        lx.blank();
        if (!lx.literal(")")) {
            throw fail("expected a ')' token");
        }
        return leave(child);
    }

    private Expr parseCheck() {
        enter();
        lx.blank();
        int start = lx.pos;
        if (lx.literal("(")) {
            return leave(parseEmbeddedRemainder());
        }
        if (lx.fieldName()) {
            Operand left = fieldRemainder(lx.token, start);
            return leave(parseCondition(left, start));
        }
        Operand.Transformer kind = transformerType();
        if (kind != null) {
            lx.blank();
            Operand left = transformerRemainder(kind, start);
            return leave(parseCondition(left, start));
        }
        if (lx.identifier()) {
            if (lx.token.equals("not") && lx.atEnd()) {
                // libs reads a trailing "not" as a macro name; for a filter bar it is a condition half typed
                throw new Failure(FilterProblem.Code.UNEXPECTED_END, "expected a condition after 'not'",
                        lx.text.length(), lx.text.length());
            }
            return leave(new Expr.Identifier(lx.token, span(start)));
        }
        throw fail("expected a '(' token, a field check, or an identifier");
    }

    private Operand.Field fieldRemainder(String name, int start) {
        enter();
        String arg = optionalFieldArg();
        return leave(new Operand.Field(name, arg, span(start)));
    }

    private String optionalFieldArg() {
        if (!lx.literal("[")) {
            return null;
        }
        if (!lx.quotedString() && !lx.fieldArgBareString()) {
            throw fail("expected a valid field argument: a quoted string or a bare string");
        }
        String arg = lx.token;
        if (!lx.literal("]")) {
            throw fail("expected a ']' token");
        }
        return arg;
    }

    private Operand.Transformer transformerType() {
        for (Operand.Transformer t : Operand.Transformer.values()) {
            if (t != Operand.Transformer.VAL && lx.literal(t.text() + "(")) {
                return t;
            }
        }
        return null;
    }

    /** After "name(": the arguments, ')' and an optional [arg]. */
    private Operand.Transform transformerRemainder(Operand.Transformer kind, int start) {
        enter();
        lx.blank();
        List<Operand> args = new ArrayList<>();
        do {
            args.add(transformerArg());
            lx.blank();
        } while (lx.literal(","));
        lx.blank();
        if (!lx.literal(")")) {
            throw fail("expected a ')' token closing the transformer");
        }
        String arg = optionalFieldArg();
        return leave(new Operand.Transform(kind, args, arg, span(start)));
    }

    private Operand transformerArg() {
        enter();
        lx.blank();
        int start = lx.pos;
        if (lx.hexNumber() || lx.number()) {
            return leave(new Operand.Value(lx.token, false, span(start)));
        }
        if (lx.quotedString()) {
            return leave(new Operand.Value(lx.token, true, span(start)));
        }
        if (lx.literal("(")) {
            return leave(transformList(start));
        }
        Operand.Transformer kind = transformerType();
        if (kind != null) {
            return leave(transformerRemainder(kind, start));
        }
        if (lx.fieldName()) {
            return leave(fieldRemainder(lx.token, start));
        }
        throw fail("expected field transformer argument: field, transformer, quoted string, number, or transformer list",
                true);
    }

    private Operand transformList(int start) {
        List<Operand> items = new ArrayList<>();
        lx.blank();
        if (lx.literal(")")) {
            return new Operand.TransformList(items, span(start));
        }
        items.add(transformListArg());
        lx.blank();
        while (lx.literal(",")) {
            lx.blank();
            items.add(transformListArg());
            lx.blank();
        }
        if (!lx.literal(")")) {
            throw fail("expected ')'");
        }
        return new Operand.TransformList(items, span(start));
    }

    private Operand transformListArg() {
        int start = lx.pos;
        if (lx.fieldName()) {
            return fieldRemainder(lx.token, start);
        }
        Operand.Transformer kind = transformerType();
        if (kind != null) {
            lx.blank();
            return transformerRemainder(kind, start);
        }
        if (lx.quotedString()) {
            return new Operand.Value(lx.token, true, span(start));
        }
        if (lx.hexNumber() || lx.number()) {
            return new Operand.Value(lx.token, false, span(start));
        }
        throw fail("expected transformer list argument: field, transformer, quoted string, or number", true);
    }

    private Expr parseCondition(Operand left, int start) {
        enter();
        lx.blank();
        if (lx.literal("exists")) {
            return leave(new Expr.Check(left, Operator.EXISTS, Operator.Modifier.NONE, null, span(start)));
        }
        lx.blank();
        Operator op = numberOperator();
        if (op != null) {
            Operand right = numValueOrTransformer();
            return leave(new Expr.Check(left, op, Operator.Modifier.NONE, right, span(start)));
        }
        op = stringOperator();
        if (op != null) {
            boolean hadBlank = Character.isLetter(op.text().charAt(0)) || lx.blank();
            ConditionLexer.Mark saved = lx.mark();
            Operator.Modifier modifier = hadBlank ? modifier() : null;
            if (modifier != null && listValueFollows() && !boolKeywordFollows()) {
                Operand right = parseListValue();
                return leave(new Expr.Check(left, op, modifier, right, span(start)));
            }
            lx.reset(saved);
            Operand right = strValueOrTransformer(false);
            return leave(new Expr.Check(left, op, Operator.Modifier.NONE, right, span(start)));
        }
        op = listOperator();
        if (op != null) {
            Operand right = listValueOrTransformer();
            return leave(new Expr.Check(left, op, Operator.Modifier.NONE, right, span(start)));
        }
        throw fail("expected a valid check operator: one of " + ALL_OPERATORS);
    }

    private Operator numberOperator() {
        if (lx.literal("<=")) {
            return Operator.LE;
        } else if (lx.literal("<")) {
            return Operator.LT;
        } else if (lx.literal(">=")) {
            return Operator.GE;
        } else if (lx.literal(">")) {
            return Operator.GT;
        }
        return null;
    }

    private Operator stringOperator() {
        for (int i = 0; i < STRING_OPS.length; i++) {
            String op = STRING_OPS[i];
            boolean matched = op.endsWith(" ") ? lx.keywordThenBlank(op.trim()) : lx.literal(op);
            if (matched) {
                return STRING_OP_VALUES[i];
            }
        }
        return null;
    }

    private Operator listOperator() {
        if (lx.literal("intersects")) {
            return Operator.INTERSECTS;
        } else if (lx.literal("in")) {
            return Operator.IN;
        } else if (lx.literal("pmatch")) {
            return Operator.PMATCH;
        }
        return null;
    }

    private Operator.Modifier modifier() {
        for (Operator.Modifier m : Operator.Modifier.values()) {
            if (m != Operator.Modifier.NONE && lx.keywordThenBlank(m.text())) {
                return m;
            }
        }
        return null;
    }

    private boolean listValueFollows() {
        if (lx.peek() == '(') {
            return true;
        }
        ConditionLexer.Mark saved = lx.mark();
        boolean identifier = lx.identifier();
        lx.reset(saved);
        return identifier;
    }

    private boolean boolKeywordFollows() {
        for (String kw : new String[] {"and", "or", "not"}) {
            if (lx.text.startsWith(kw, lx.pos)) {
                int after = lx.pos + kw.length();
                if (after == lx.text.length() || !Character.isLetterOrDigit(lx.text.charAt(after))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Operand numValueOrTransformer() {
        enter();
        lx.blank();
        int start = lx.pos;
        Operand t = tryTransformerOrVal();
        if (t != null) {
            return leave(t);
        }
        if (lx.hexNumber() || lx.number()) {
            return leave(new Operand.Value(lx.token, false, span(start)));
        }
        throw fail("expected a number value or a field with a valid transformer: " + TRANSFORMERS);
    }

    private Operand.Value strValue() {
        int start = lx.pos;
        if (lx.quotedString()) {
            return new Operand.Value(lx.token, true, span(start));
        }
        if (lx.bareString()) {
            return new Operand.Value(lx.token, false, span(start));
        }
        return null;
    }

    private Operand strValueOrTransformer(boolean noTransformer) {
        enter();
        lx.blank();
        if (!noTransformer) {
            Operand t = tryTransformerOrVal();
            if (t != null) {
                return leave(t);
            }
        }
        Operand.Value v = strValue();
        if (v != null) {
            return leave(v);
        }
        throw fail(noTransformer ? "expected a string value"
                : "expected a string value or a field with a valid transformer: " + TRANSFORMERS);
    }

    private Operand.ValueList tryListExpr() {
        int start = lx.pos;
        if (!lx.literal("(")) {
            return null;
        }
        List<Operand.Value> items = new ArrayList<>();
        lx.blank();
        Operand.Value first = strValue();
        if (first != null) {
            items.add(first);
            lx.blank();
            while (lx.literal(",")) {
                lx.blank();
                Operand.Value v = strValue();
                if (v == null) {
                    throw fail("expected a string value");
                }
                items.add(v);
                lx.blank();
            }
        }
        if (!lx.literal(")")) {
            throw fail("expected a ')' token");
        }
        return new Operand.ValueList(items, span(start));
    }

    private Operand parseListValue() {
        enter();
        lx.blank();
        int start = lx.pos;
        Operand list = tryListExpr();
        if (list != null) {
            return leave(list);
        }
        if (lx.identifier()) {
            return leave(new Operand.Value(lx.token, false, span(start)));
        }
        throw fail("expected a list or an identifier");
    }

    private Operand listValueOrTransformer() {
        enter();
        lx.blank();
        int start = lx.pos;
        Operand list = tryListExpr();
        if (list != null) {
            return leave(list);
        }
        Operand t = tryTransformerOrVal();
        if (t != null) {
            return leave(t);
        }
        if (lx.identifier()) {
            return leave(new Operand.Value(lx.token, false, span(start)));
        }
        throw fail("expected a list, an identifier, or a field with a valid transformer: " + TRANSFORMERS);
    }

    private Operand tryTransformerOrVal() {
        enter();
        lx.blank();
        int start = lx.pos;
        if (lx.literal("val(")) {
            lx.blank();
            int fieldStart = lx.pos;
            if (!lx.fieldName()) {
                throw fail("expected a field within 'val' transformer", true);
            }
            Operand.Field field = fieldRemainder(lx.token, fieldStart);
            lx.blank();
            if (!lx.literal(")")) {
                throw fail("expected a ')' token closing the transformer");
            }
            String arg = optionalFieldArg();
            return leave(new Operand.Transform(Operand.Transformer.VAL, List.of(field), arg, span(start)));
        }
        Operand.Transformer kind = transformerType();
        if (kind != null) {
            lx.blank();
            return leave(transformerRemainder(kind, start));
        }
        return leave(null);
    }

    private Failure fail(String message) {
        return fail(message, false);
    }

    /** A syntax problem at the cursor, classified as incomplete or invalid by {@link Failure#at}. */
    private Failure fail(String message, boolean fieldExpected) {
        return Failure.at(lx.text, lx.pos, message, fieldExpected);
    }
}
