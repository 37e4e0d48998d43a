package dev.saker.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a tree bottom-up, node by node; override the hooks to substitute. The rules layer uses
 * it to expand macros ({@link #identifier}: return the macro's parsed body, whose spans point into
 * the macro's text) and lists ({@link #listItem}: return a list's items for a value naming it).
 * Unchanged subtrees are returned as they are, so a rewrite that changes nothing allocates little.
 */
public interface ExprRewriter {

    /**
     * A macro reference; by default kept. What this returns is not rewritten again (expand the
     * macro's own body first, which is also where the rules layer detects macro loops).
     */
    default Expr identifier(Expr.Identifier id) {
        return id;
    }

    /** One item of a value list; by default kept as the single item it is. */
    default List<Operand.Value> listItem(Operand.Value item) {
        return List.of(item);
    }

    /**
     * The right-hand side of in/intersects/pmatch or of a modifier written as a bare name
     * ({@code proc.name in shell_binaries}); by default kept.
     */
    default Operand listName(Operand.Value name) {
        return name;
    }

    default Expr rewrite(Expr e) {
        if (e instanceof Expr.And a) {
            List<Expr> c = rewriteAll(a.children());
            return c == a.children() ? a : new Expr.And(c, a.span());
        } else if (e instanceof Expr.Or o) {
            List<Expr> c = rewriteAll(o.children());
            return c == o.children() ? o : new Expr.Or(c, o.span());
        } else if (e instanceof Expr.Not n) {
            Expr c = rewrite(n.child());
            return c == n.child() ? n : new Expr.Not(c, n.span());
        } else if (e instanceof Expr.Identifier i) {
            return identifier(i);
        }
        Expr.Check c = (Expr.Check) e;
        Operand right = c.right();
        if (right instanceof Operand.ValueList l) {
            right = rewriteList(l);
        } else if (right instanceof Operand.Value v && (c.op().takesList() || c.modifier() != Operator.Modifier.NONE)) {
            right = listName(v);
        }
        return right == c.right() ? c : new Expr.Check(c.left(), c.op(), c.modifier(), right, c.span());
    }

    private List<Expr> rewriteAll(List<Expr> in) {
        List<Expr> out = null;
        for (int i = 0; i < in.size(); i++) {
            Expr r = rewrite(in.get(i));
            if (r != in.get(i) && out == null) {
                out = new ArrayList<>(in.subList(0, i));
            }
            if (out != null) {
                out.add(r);
            }
        }
        return out == null ? in : out;
    }

    private Operand.ValueList rewriteList(Operand.ValueList l) {
        List<Operand.Value> out = new ArrayList<>(l.items().size());
        boolean changed = false;
        for (Operand.Value v : l.items()) {
            List<Operand.Value> r = listItem(v);
            changed |= r.size() != 1 || r.get(0) != v;
            out.addAll(r);
        }
        return changed ? new Operand.ValueList(out, l.span()) : l;
    }
}
