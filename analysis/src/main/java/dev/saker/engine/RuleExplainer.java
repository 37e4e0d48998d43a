package dev.saker.engine;

import dev.saker.fields.EventContext;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.filter.ConditionExplainer;
import dev.saker.filter.ConditionExplainer.NodeValue;
import dev.saker.filter.ConditionExplainer.Truth;
import dev.saker.filter.Expr;
import dev.saker.filter.Span;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.FilterConditions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

/**
 * Explains one rule on events ({@link Explanation}) and finds its near misses: the events of the rule's
 * event types (as the engine indexes them, in the engine's default view) that fail exactly one top-level
 * conjunct or exception.
 */
public final class RuleExplainer {

    /** An event that fails exactly one top-level conjunct: which one. */
    public record NearMiss(long eventNum, Explanation.Conjunct failed, Explanation explanation) {
    }

    private final CompiledRule rule;
    private final Expr root;
    private final ConditionExplainer explainer;
    private final Function<String, String> sources;
    private final Engine engine;
    /** Pre-order structure of the tree: parent index and depth of each node. */
    private final List<Expr> order = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();
    private final List<Integer> depths = new ArrayList<>();
    /** Top-level conjuncts: node index and whether it is an exception. */
    private final List<int[]> conjuncts = new ArrayList<>();

    private RuleExplainer(CompiledRule rule, Expr root, ConditionExplainer explainer, Function<String, String> sources,
            boolean rawEvents) {
        this.rule = rule;
        this.root = root;
        this.explainer = explainer;
        this.sources = sources;
        this.engine = new Engine(List.of(rule), Selection.DEFAULT, RuleMatching.ALL, rawEvents);
        walk(root, -1, 0);
        findConjuncts();
    }

    /**
     * An explainer for a loaded rule; {@code sources} gives the text behind a span's source name (see
     * {@link FilterConditions#sourceText}).
     *
     * @throws IllegalArgumentException when the rule's condition is not this language's or does not compile
     */
    public static RuleExplainer of(CompiledRule rule, FieldRegistry registry, Function<String, String> sources) {
        return of(rule, registry, sources, false);
    }

    public static RuleExplainer of(CompiledRule rule, FieldRegistry registry, Function<String, String> sources,
            boolean rawEvents) {
        Expr root = FilterConditions.exprOf(rule.syntax());
        ConditionExplainer e = root == null ? null : ConditionExplainer.of(root, registry);
        if (e == null) {
            throw new IllegalArgumentException("cannot explain rule " + rule.name());
        }
        return new RuleExplainer(rule, root, e, sources, rawEvents);
    }

    public CompiledRule rule() {
        return rule;
    }

    private void walk(Expr e, int parent, int depth) {
        int at = order.size();
        order.add(e);
        parents.add(parent);
        depths.add(depth);
        if (e instanceof Expr.And a) {
            a.children().forEach(c -> walk(c, at, depth + 1));
        } else if (e instanceof Expr.Or o) {
            o.children().forEach(c -> walk(c, at, depth + 1));
        } else if (e instanceof Expr.Not n) {
            walk(n.child(), at, depth + 1);
        }
    }

    private List<Integer> childrenOf(int node) {
        List<Integer> out = new ArrayList<>();
        for (int i = node + 1; i < order.size(); i++) {
            if (parents.get(i) == node) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The root's children; with exceptions, the condition in parentheses is split into its own
     * conjuncts and each exception ({@code and not (...)} after it) counts as one.
     */
    private void findConjuncts() {
        if (!(root instanceof Expr.And)) {
            conjuncts.add(new int[] {0, 0});
            return;
        }
        boolean hasExceptions = !rule.conditionWithExceptions().equals(rule.condition());
        int conditionEnd = hasExceptions ? closingParen(sources.apply(root.span().source())) : Integer.MAX_VALUE;
        List<Integer> kids = childrenOf(0);
        List<Integer> cond = new ArrayList<>();
        List<Integer> exceptions = new ArrayList<>();
        for (int k : kids) {
            (order.get(k).span().start() > conditionEnd ? exceptions : cond).add(k);
        }
        if (hasExceptions && cond.size() == 1 && order.get(cond.get(0)) instanceof Expr.And) {
            cond = childrenOf(cond.get(0));
        }
        cond.forEach(k -> conjuncts.add(new int[] {k, 0}));
        exceptions.forEach(k -> conjuncts.add(new int[] {k, 1}));
    }

    /** Offset of the ')' matching the '(' at offset 0, skipping quoted strings. */
    private static int closingParen(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) != '(') {
            return Integer.MAX_VALUE;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The explanation of the rule for one event. */
    public Explanation explain(EventContext ctx) {
        List<NodeValue> values = explainer.explain(ctx);
        int n = values.size();
        boolean[] decisive = new boolean[n];
        decisive[0] = true;
        for (int i = 0; i < n; i++) {
            if (!decisive[i]) {
                continue;
            }
            Expr e = order.get(i);
            boolean value = values.get(i).isTrue();
            for (int c : childrenOf(i)) {
                boolean cv = values.get(c).isTrue();
                if (e instanceof Expr.And) {
                    decisive[c] = value || !cv;
                } else if (e instanceof Expr.Or) {
                    decisive[c] = !value || cv;
                } else {
                    decisive[c] = true;
                }
            }
        }
        List<Explanation.Node> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Expr e = order.get(i);
            NodeValue v = values.get(i);
            nodes.add(new Explanation.Node(i, parents.get(i), depths.get(i), kind(e), e.span(), text(e.span()),
                    v.truth(), v.values(), decisive[i]));
        }
        List<Explanation.Conjunct> cs = new ArrayList<>();
        for (int k = 0; k < conjuncts.size(); k++) {
            int node = conjuncts.get(k)[0];
            cs.add(new Explanation.Conjunct(k, node, conjuncts.get(k)[1] == 1, nodes.get(node).text(),
                    nodes.get(node).truth()));
        }
        return new Explanation(rule.name(), ctx.num(), values.get(0).isTrue(), List.copyOf(nodes), List.copyOf(cs));
    }

    private static String kind(Expr e) {
        if (e instanceof Expr.And) {
            return "and";
        } else if (e instanceof Expr.Or) {
            return "or";
        } else if (e instanceof Expr.Not) {
            return "not";
        }
        return "check";
    }

    private String text(Span s) {
        String t = sources.apply(s.source());
        if (t == null || s.end() > t.length()) {
            return "";
        }
        return t.substring(s.start(), s.end());
    }

    /** Whether the engine would try this rule on this event (its event types, the engine's view). */
    public boolean applies(EventContext ctx) {
        if (!engine.visible(ctx)) {
            return false;
        }
        BitSet codes = rule.eventCodes();
        return codes == null || codes.isEmpty() || codes.get(ctx.raw().type());
    }

    /** The events of the rule's event types that fail exactly one top-level conjunct, in capture order. */
    public List<NearMiss> nearMisses(Path capture) throws IOException {
        List<NearMiss> out = new ArrayList<>();
        try (InspectedEvents in = InspectedEvents.open(capture, LibsEdition.CURRENT)) {
            EventContext ctx;
            while ((ctx = in.next()) != null) {
                if (!applies(ctx)) {
                    continue;
                }
                Explanation x = explain(ctx);
                List<Explanation.Conjunct> failed = x.failedConjuncts();
                if (failed.size() == 1) {
                    out.add(new NearMiss(ctx.num(), failed.get(0), x));
                }
            }
        }
        return out;
    }

    /** The explanation for event number {@code num} of a capture, or null when there is no such event. */
    public Explanation explain(Path capture, long num) throws IOException {
        try (InspectedEvents in = InspectedEvents.open(capture, LibsEdition.CURRENT)) {
            EventContext ctx;
            while ((ctx = in.next()) != null) {
                if (ctx.num() == num) {
                    return explain(ctx);
                }
                if (ctx.num() > num) {
                    return null;
                }
            }
        }
        return null;
    }
}
