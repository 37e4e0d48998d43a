package dev.saker.filter;

import dev.saker.fields.EventContext;
import dev.saker.fields.FieldRegistry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of every node of a condition for one event, for the rule debugger: each check's truth
 * (or "missing" when its field had no value, which evaluates as false) and the values it looked
 * at, and each and/or/not's truth from its children. Unlike {@link Filter#matches}, every node is
 * evaluated (no short circuit), so a debugger can show all of them.
 */
public final class ConditionExplainer {

    /** A node's value: MISSING is a check whose field had no value (false when matching). */
    public enum Truth { TRUE, FALSE, MISSING }

    /**
     * One node's value for the event; {@code values} maps each field reference the node read
     * (as written, e.g. {@code proc.aname[2]}) to its text, or null when missing. Empty for and/or/not.
     */
    public record NodeValue(Expr node, Truth truth, Map<String, String> values) {
        public boolean isTrue() {
            return truth == Truth.TRUE;
        }
    }

    private final Expr root;
    private final Map<Expr, Filter> checks;

    private ConditionExplainer(Expr root, Map<Expr, Filter> checks) {
        this.root = root;
        this.checks = checks;
    }

    /**
     * An explainer for an expanded tree, or null when it does not compile ({@link FilterCompiler}
     * reports why) or still holds macro references.
     */
    public static ConditionExplainer of(Expr root, FieldRegistry registry) {
        if (containsIdentifier(root)) {
            return null;
        }
        Map<Expr, Filter> checks = new IdentityHashMap<>();
        List<Expr.Check> all = new ArrayList<>();
        collect(root, all);
        for (Expr.Check c : all) {
            CompileResult r = FilterCompiler.compile(c, registry);
            if (!r.ok()) {
                return null;
            }
            checks.put(c, r.filter());
        }
        return new ConditionExplainer(root, checks);
    }

    /** Every node's value, in pre-order (a node before its children); the first entry is the root. */
    public List<NodeValue> explain(EventContext ctx) {
        List<NodeValue> out = new ArrayList<>();
        evaluate(root, ctx, out);
        return out;
    }

    private boolean evaluate(Expr e, EventContext ctx, List<NodeValue> out) {
        int at = out.size();
        out.add(null);
        boolean result;
        Truth truth;
        Map<String, String> values = Map.of();
        if (e instanceof Expr.And a) {
            result = true;
            for (Expr c : a.children()) {
                result &= evaluate(c, ctx, out);
            }
            truth = result ? Truth.TRUE : Truth.FALSE;
        } else if (e instanceof Expr.Or o) {
            result = false;
            for (Expr c : o.children()) {
                result |= evaluate(c, ctx, out);
            }
            truth = result ? Truth.TRUE : Truth.FALSE;
        } else if (e instanceof Expr.Not n) {
            result = !evaluate(n.child(), ctx, out);
            truth = result ? Truth.TRUE : Truth.FALSE;
        } else {
            Filter f = checks.get(e);
            result = f != null && f.matches(ctx);
            values = values(f, ctx);
            boolean missing = !result && values.values().stream().anyMatch(v -> v == null);
            truth = result ? Truth.TRUE : missing ? Truth.MISSING : Truth.FALSE;
        }
        out.set(at, new NodeValue(e, truth, values));
        return result;
    }

    private static Map<String, String> values(Filter f, EventContext ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        if (f instanceof CompiledNodes.Check c) {
            put(values, c.left(), ctx);
        } else if (f instanceof CompiledNodes.NumberCheck c) {
            put(values, c.left(), ctx);
        } else if (f instanceof CompiledNodes.Comparison c) {
            put(values, c.left(), ctx);
            put(values, c.right(), ctx);
        } else if (f instanceof CompiledNodes.AnyAncestor a) {
            Object parent = a.field().extractor().extract(ctx, "1");
            values.put(a.field().name() + "[1]", parent == null ? null : ValueTest.text(parent));
        }
        return values;
    }

    private static void put(Map<String, String> values, ValueSource s, EventContext ctx) {
        if (s instanceof ValueSource.FieldValue f) {
            values.put(f.field().text(), f.field().text(ctx));
        } else if (s instanceof ValueSource.Transformed t) {
            t.inputs().forEach(i -> put(values, i, ctx));
        }
    }

    private static void collect(Expr e, List<Expr.Check> out) {
        if (e instanceof Expr.And a) {
            a.children().forEach(c -> collect(c, out));
        } else if (e instanceof Expr.Or o) {
            o.children().forEach(c -> collect(c, out));
        } else if (e instanceof Expr.Not n) {
            collect(n.child(), out);
        } else if (e instanceof Expr.Check c) {
            out.add(c);
        }
    }

    private static boolean containsIdentifier(Expr e) {
        if (e instanceof Expr.Identifier) {
            return true;
        } else if (e instanceof Expr.And a) {
            return a.children().stream().anyMatch(ConditionExplainer::containsIdentifier);
        } else if (e instanceof Expr.Or o) {
            return o.children().stream().anyMatch(ConditionExplainer::containsIdentifier);
        } else if (e instanceof Expr.Not n) {
            return containsIdentifier(n.child());
        }
        return false;
    }
}
