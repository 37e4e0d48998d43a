package dev.saker.filter;

import dev.saker.fields.LibsEdition;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A syntax tree printed back as plain condition text: what a rule's condition becomes once its macros
 * and lists are substituted, in a form sysdig and Falco parse to the same tree. Every and/or group is
 * parenthesised (no precedence to get wrong); a value is written bare when libs' bare-string token
 * takes it whole ({@code [^()"'[:space:]=,]+}), otherwise double-quoted with {@code \} and {@code "}
 * escaped (current libs take bare words raw, and cannot end a quoted string in a backslash). sysdig
 * 0.29.3's filter compiler differs: it unescapes bare words too (so a value with a backslash is
 * quoted), and ends a double-quoted string at a {@code '} (so that is escaped, an escape current libs
 * reject). Identifiers left in the tree (undefined macros) print as
 * their names.
 */
public final class ConditionText {
    private static final Pattern BARE = Pattern.compile("[^()\"'\\s=,]+");

    /** sysdig 0.29.3's quirks (see the class comment); else current libs'. */
    private final boolean sysdig2022;
    private final StringBuilder b = new StringBuilder();

    private ConditionText(boolean sysdig2022) {
        this.sysdig2022 = sysdig2022;
    }

    /** The text for current libs (Falco's parser). */
    public static String of(Expr e) {
        return of(e, LibsEdition.CURRENT);
    }

    /** The text for the parser of the given libs edition. */
    public static String of(Expr e, LibsEdition edition) {
        ConditionText t = new ConditionText(edition == LibsEdition.SYSDIG_2022);
        t.append(e);
        return t.b.toString();
    }

    private void append(Expr e) {
        if (e instanceof Expr.And a) {
            group(a.children(), " and ");
        } else if (e instanceof Expr.Or o) {
            group(o.children(), " or ");
        } else if (e instanceof Expr.Not n) {
            b.append("not ");
            boolean wrap = n.child() instanceof Expr.Check || n.child() instanceof Expr.Identifier;
            if (wrap) {
                b.append('(');
            }
            append(n.child());
            if (wrap) {
                b.append(')');
            }
        } else if (e instanceof Expr.Identifier i) {
            b.append(i.name());
        } else if (e instanceof Expr.Check c) {
            operand(c.left());
            b.append(' ').append(c.op().text());
            if (c.modifier() != Operator.Modifier.NONE) {
                b.append(' ').append(c.modifier().text());
            }
            if (c.right() != null) {
                b.append(' ');
                operand(c.right());
            }
        }
    }

    private void group(List<Expr> children, String joiner) {
        b.append('(');
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                b.append(joiner);
            }
            append(children.get(i));
        }
        b.append(')');
    }

    private void operand(Operand o) {
        if (o instanceof Operand.Field f) {
            b.append(f.text());
        } else if (o instanceof Operand.Value v) {
            value(v.text());
        } else if (o instanceof Operand.ValueList l) {
            b.append('(');
            for (int i = 0; i < l.items().size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                value(l.items().get(i).text());
            }
            b.append(')');
        } else if (o instanceof Operand.TransformList l) {
            b.append('(');
            operands(l.items());
            b.append(')');
        } else if (o instanceof Operand.Transform t) {
            b.append(t.kind().text()).append('(');
            operands(t.args());
            b.append(')');
            if (t.arg() != null) {
                b.append('[').append(t.arg()).append(']');
            }
        }
    }

    private void operands(List<Operand> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            operand(items.get(i));
        }
    }

    private void value(String text) {
        if (BARE.matcher(text).matches() && !(sysdig2022 && text.indexOf('\\') >= 0)) {
            b.append(text);
            return;
        }
        b.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || (c == '\'' && sysdig2022)) {
                b.append('\\');
            }
            b.append(c);
        }
        b.append('"');
    }
}
