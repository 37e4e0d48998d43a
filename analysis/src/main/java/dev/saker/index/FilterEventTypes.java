package dev.saker.index;

import dev.saker.fields.LibsEdition;
import dev.saker.filter.Expr;
import dev.saker.filter.Operand;
import dev.saker.filter.Operator;
import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import dev.saker.scap.EventTypes;
import dev.saker.scap.RawEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events a condition can possibly match, judged by their type alone, so that the filter pass
 * evaluates fields only on those (every event still goes through the state). Conservative: only
 * {@code evt.type = X} / {@code evt.type in (...)} checks that every match must pass (through and,
 * or of such checks) narrow it; anything else (not, other fields, modifiers) keeps every type.
 * Generic syscall events name their type from a parameter: they are judged by that name, as evt.type
 * names them in the pass's edition (current libs).
 */
final class FilterEventTypes {
    /** Per event type (as the reader's schema numbers them): whether the condition may match it. */
    private final boolean[] evaluate;
    private final Set<String> names;

    private FilterEventTypes(Set<String> names) {
        this.names = names;
        EventSchema schema = EventSchema.current();
        evaluate = new boolean[schema.size()];
        for (int t = 0; t < evaluate.length; t++) {
            EventInfo info = schema.info(t);
            evaluate[t] = info == null || names.contains(info.name());
        }
    }

    /** The gate for a compiled condition's tree, or null when no event type can be ruled out. */
    static FilterEventTypes of(Expr e) {
        Set<String> n = required(e);
        return n == null ? null : new FilterEventTypes(n);
    }

    /** Whether the condition can match an event of this type; types outside the schema are evaluated. */
    boolean mayMatch(RawEvent raw) {
        int t = raw.type();
        if (t == EventTypes.GENERIC_E || t == EventTypes.GENERIC_X) {
            // its evt.type is the syscall its id names, worked out as the field works it out
            String name = LibsEdition.CURRENT.typeName(raw);
            return name == null || names.contains(name);
        }
        return t >= evaluate.length || evaluate[t];
    }

    /** The evt.type names every match must have, or null for no restriction. */
    static Set<String> required(Expr e) {
        if (e instanceof Expr.And a) {
            Set<String> acc = null;
            for (Expr c : a.children()) {
                Set<String> s = required(c);
                if (s != null) {
                    if (acc == null) {
                        acc = new HashSet<>(s);
                    } else {
                        acc.retainAll(s);
                    }
                }
            }
            return acc;
        }
        if (e instanceof Expr.Or o) {
            Set<String> acc = new HashSet<>();
            for (Expr c : o.children()) {
                Set<String> s = required(c);
                if (s == null) {
                    return null;
                }
                acc.addAll(s);
            }
            return acc;
        }
        if (e instanceof Expr.Check c && c.left() instanceof Operand.Field f && f.arg() == null
                && f.name().equals("evt.type") && c.modifier() == Operator.Modifier.NONE
                && (c.op() == Operator.EQ || c.op() == Operator.EQEQ || c.op() == Operator.IN)) {
            List<Operand.Value> values = c.right() instanceof Operand.ValueList l ? l.items()
                    : c.right() instanceof Operand.Value v ? List.of(v) : null;
            if (values == null || values.isEmpty()) {
                return null;
            }
            Set<String> s = new HashSet<>();
            values.forEach(v -> s.add(v.text()));
            return s;
        }
        return null;
    }
}
