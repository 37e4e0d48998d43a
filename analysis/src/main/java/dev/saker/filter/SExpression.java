package dev.saker.filter;

/**
 * The parser stage's debug dump: a tree as one s-expression line, e.g.
 * {@code (and (= proc.name "bash") (not (exists fd.name)))}. Values written quoted are dumped quoted
 * (escapes resolved, then re-escaped), bare ones bare.
 */
final class SExpression {
    private SExpression() {
    }

    static String of(Expr e) {
        StringBuilder b = new StringBuilder();
        append(b, e);
        return b.toString();
    }

    static String of(Operand o) {
        StringBuilder b = new StringBuilder();
        append(b, o);
        return b.toString();
    }

    private static void append(StringBuilder b, Expr e) {
        if (e instanceof Expr.And a) {
            b.append("(and");
            a.children().forEach(c -> append(b.append(' '), c));
            b.append(')');
        } else if (e instanceof Expr.Or o) {
            b.append("(or");
            o.children().forEach(c -> append(b.append(' '), c));
            b.append(')');
        } else if (e instanceof Expr.Not n) {
            append(b.append("(not "), n.child());
            b.append(')');
        } else if (e instanceof Expr.Identifier i) {
            b.append(i.name());
        } else if (e instanceof Expr.Check c) {
            b.append('(').append(c.op().text());
            if (c.modifier() != Operator.Modifier.NONE) {
                b.append(' ').append(c.modifier().text());
            }
            append(b.append(' '), c.left());
            if (c.right() != null) {
                append(b.append(' '), c.right());
            }
            b.append(')');
        }
    }

    private static void append(StringBuilder b, Operand o) {
        if (o instanceof Operand.Field f) {
            b.append(f.name());
            if (f.arg() != null) {
                b.append('[').append(quote(f.arg())).append(']');
            }
        } else if (o instanceof Operand.Transform t) {
            b.append('(').append(t.kind().text());
            t.args().forEach(a -> append(b.append(' '), a));
            b.append(')');
            if (t.arg() != null) {
                b.append('[').append(quote(t.arg())).append(']');
            }
        } else if (o instanceof Operand.Value v) {
            b.append(v.quoted() ? quote(v.text()) : v.text());
        } else if (o instanceof Operand.ValueList l) {
            b.append("(list");
            l.items().forEach(v -> append(b.append(' '), v));
            b.append(')');
        } else if (o instanceof Operand.TransformList l) {
            b.append("(tlist");
            l.items().forEach(v -> append(b.append(' '), v));
            b.append(')');
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
