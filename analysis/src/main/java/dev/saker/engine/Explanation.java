package dev.saker.engine;

import dev.saker.filter.ConditionExplainer.Truth;
import dev.saker.filter.Span;
import dev.saker.rules.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a rule did or did not match one event: the rule's condition tree (macros and lists expanded,
 * exceptions included) in pre-order, each node with its span and source text, its value and the field
 * values its check read; the top-level conjuncts (children of the root {@code and}, the rule's
 * condition split into its own conjuncts and each exception counted as one) and which of them failed.
 */
public record Explanation(String rule, long eventNum, boolean matched, List<Node> nodes, List<Conjunct> conjuncts) {

    /**
     * One node. {@code parent} is the index of the parent node (-1 for the root); {@code kind} is and, or,
     * not or check; {@code text} is the node's source text; {@code values} maps each field the check read
     * to its value (null when missing); {@code decisive} is true when the node's value decided its parent's
     * (and so, up the tree, the root's).
     */
    public record Node(int index, int parent, int depth, String kind, Span span, String text, Truth truth,
            Map<String, String> values, boolean decisive) {
    }

    /** A top-level conjunct: the node it is, whether it is an exception, and its value. */
    public record Conjunct(int index, int node, boolean exception, String text, Truth truth) {
        public boolean failed() {
            return truth != Truth.TRUE;
        }
    }

    public Node root() {
        return nodes.get(0);
    }

    public List<Conjunct> failedConjuncts() {
        return conjuncts.stream().filter(Conjunct::failed).toList();
    }

    /** The children of a node, in order. */
    public List<Node> children(Node n) {
        return nodes.stream().filter(c -> c.parent() == n.index()).toList();
    }

    /** As JSON (object keys sorted). */
    public String toJson() {
        Map<String, Object> o = JsonText.object();
        o.put("rule", rule);
        o.put("event", eventNum);
        o.put("matched", matched);
        List<Object> ns = new ArrayList<>();
        for (Node n : nodes) {
            Map<String, Object> m = JsonText.object();
            m.put("index", n.index());
            m.put("parent", n.parent());
            m.put("kind", n.kind());
            m.put("text", n.text());
            m.put("truth", n.truth().name().toLowerCase());
            m.put("decisive", n.decisive());
            Map<String, Object> span = JsonText.object();
            span.put("source", n.span().source());
            span.put("start", n.span().start());
            span.put("end", n.span().end());
            m.put("span", span);
            m.put("values", new LinkedHashMap<String, Object>(n.values()));
            ns.add(m);
        }
        o.put("nodes", ns);
        List<Object> cs = new ArrayList<>();
        for (Conjunct c : conjuncts) {
            Map<String, Object> m = JsonText.object();
            m.put("index", c.index());
            m.put("node", c.node());
            m.put("exception", c.exception());
            m.put("text", c.text());
            m.put("truth", c.truth().name().toLowerCase());
            cs.add(m);
        }
        o.put("conjuncts", cs);
        o.put("failed_conjuncts", failedConjuncts().stream().map(c -> (Object) c.index()).toList());
        return JsonText.write(o);
    }

    /** As text: the tree indented, ✓ true, ✗ false, ? missing field, with the values each check read. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("rule: ").append(rule).append('\n');
        b.append("event: ").append(eventNum).append('\n');
        b.append("matched: ").append(matched ? "yes" : "no").append('\n');
        for (Node n : nodes) {
            b.append("  ".repeat(n.depth() + 1)).append(mark(n.truth())).append(' ');
            b.append(n.kind().equals("check") ? oneLine(n.text()) : n.kind());
            if (!n.values().isEmpty()) {
                b.append("   [");
                boolean first = true;
                for (Map.Entry<String, String> e : n.values().entrySet()) {
                    b.append(first ? "" : ", ").append(e.getKey()).append('=')
                            .append(e.getValue() == null ? "<NA>" : e.getValue());
                    first = false;
                }
                b.append(']');
            }
            b.append('\n');
        }
        b.append("conjuncts:\n");
        for (Conjunct c : conjuncts) {
            b.append("  ").append(mark(c.truth())).append(' ').append(c.index()).append(c.exception() ? " (exception) " : " ")
                    .append(oneLine(c.text())).append('\n');
        }
        return b.toString();
    }

    static String mark(Truth t) {
        return switch (t) {
            case TRUE -> "✓";
            case FALSE -> "✗";
            case MISSING -> "?";
        };
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
