package dev.saker.ui.rules;

import dev.saker.engine.Explanation;
import dev.saker.filter.ConditionExplainer.Truth;
import java.util.Map;

/**
 * One row of the debugger's condition tree: a node of the explanation, or the macro a subtree came
 * from (shown collapsed, expandable in place). {@code applies} is false when the rule is not tried on
 * the event at all (another event type): every row is then not applicable.
 */
public record DebugRow(String label, Truth truth, Map<String, String> values, boolean decisive, boolean applies,
        Explanation.Node node) {

    static DebugRow of(Explanation.Node n, boolean applies) {
        String label = n.kind().equals("check") ? n.text().replaceAll("\\s+", " ").trim() : n.kind();
        return new DebugRow(label, n.truth(), n.values(), n.decisive(), applies, n);
    }

    static DebugRow macro(String name, Explanation.Node body, boolean applies) {
        return new DebugRow("macro " + name, body.truth(), Map.of(), body.decisive(), applies, body);
    }

    /** true, false or n/a: a field the check needs is missing on this event, or the rule is not tried. */
    public String state() {
        if (!applies || truth == Truth.MISSING) {
            return "na";
        }
        return truth == Truth.TRUE ? "true" : "false";
    }

    public String mark() {
        return switch (state()) {
            case "true" -> "\u2713";
            case "false" -> "\u2717";
            default -> "\u2013";
        };
    }

    /** The row as shown: mark, label and the field values the check read. */
    public String text() {
        StringBuilder b = new StringBuilder(mark()).append("  ").append(label);
        if (!values.isEmpty()) {
            b.append("     [");
            boolean first = true;
            for (Map.Entry<String, String> e : values.entrySet()) {
                b.append(first ? "" : ", ").append(e.getKey()).append(" = ")
                        .append(e.getValue() == null ? "<NA>" : e.getValue());
                first = false;
            }
            b.append(']');
        }
        return b.toString();
    }
}
