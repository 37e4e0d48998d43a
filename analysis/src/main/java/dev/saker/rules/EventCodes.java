package dev.saker.rules;

import dev.saker.filter.Expr;
import dev.saker.filter.Operand;
import dev.saker.filter.Operator;
import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The event codes a condition can match, computed as libs' ppm_codes.cpp does: and intersects,
 * or unites, negation is pushed down (De Morgan) and inverts only sets that came from evt.type
 * checks; any other check is neutral (all codes); evt.num=0 and the like match nothing. Falco
 * warns LOAD_NO_EVTTYPE when a rule's set has more than 100 codes.
 */
final class EventCodes {
    private final EventSchema schema = EventSchema.current();
    private final BitSet universe = new BitSet();
    private final Set<String> names = new HashSet<>();

    EventCodes() {
        for (int t = 0; t < schema.size(); t++) {
            EventInfo info = schema.info(t);
            if (info != null) {
                universe.set(t);
                names.add(info.name());
            }
        }
        for (int id = 0; id < 1000; id++) {
            String n = schema.syscallName(id);
            if (n != null && !n.isEmpty()) {
                names.add(n);
            }
        }
    }

    boolean isEventName(String s) {
        return names.contains(s);
    }

    /** The event codes the condition can match (libs' ppm_codes semantics). */
    BitSet of(Expr e) {
        return codes(e, false);
    }

    static boolean isEventType(Operand o) {
        return o instanceof Operand.Field f && f.arg() == null
                && (f.name().equals("evt.type") || f.name().equals("syscall.type"));
    }

    static List<Operand.Value> values(Operand right) {
        if (right instanceof Operand.ValueList l) {
            return l.items();
        }
        return right instanceof Operand.Value v ? List.of(v) : List.of();
    }

    static void checks(Expr e, List<Expr.Check> out) {
        if (e instanceof Expr.And a) {
            a.children().forEach(c -> checks(c, out));
        } else if (e instanceof Expr.Or o) {
            o.children().forEach(c -> checks(c, out));
        } else if (e instanceof Expr.Not n) {
            checks(n.child(), out);
        } else if (e instanceof Expr.Check c) {
            out.add(c);
        }
    }

    private BitSet codes(Expr e, boolean negated) {
        if (e instanceof Expr.And a) {
            return combine(a.children(), negated, !negated);
        }
        if (e instanceof Expr.Or o) {
            return combine(o.children(), negated, negated);
        }
        if (e instanceof Expr.Not n) {
            return codes(n.child(), !negated);
        }
        if (e instanceof Expr.Check c && isEventType(c.left()) && c.modifier() == Operator.Modifier.NONE
                && (c.op() == Operator.EQ || c.op() == Operator.EQEQ || c.op() == Operator.NE || c.op() == Operator.IN)) {
            Set<String> wanted = new HashSet<>();
            values(c.right()).forEach(v -> wanted.add(v.text()));
            BitSet s = new BitSet();
            for (int t = universe.nextSetBit(0); t >= 0; t = universe.nextSetBit(t + 1)) {
                if (wanted.contains(schema.info(t).name())) {
                    s.set(t);
                }
            }
            return (c.op() == Operator.NE) != negated ? complement(s) : s;
        }
        if (e instanceof Expr.Check c && c.left() instanceof Operand.Field f && f.name().equals("evt.num")
                && c.right() instanceof Operand.Value v && never(c.op(), v.text())) {
            return negated ? (BitSet) universe.clone() : new BitSet();
        }
        return (BitSet) universe.clone();
    }

    /** evt.num=0, evt.num<1, evt.num<=0: no event has them (event numbers start at 1). */
    private static boolean never(Operator op, String v) {
        return (op == Operator.EQ || op == Operator.EQEQ || op == Operator.LE) && v.equals("0")
                || op == Operator.LT && v.equals("1");
    }

    private BitSet combine(List<Expr> children, boolean negated, boolean intersect) {
        BitSet acc = null;
        for (Expr c : children) {
            BitSet s = codes(c, negated);
            if (acc == null) {
                acc = s;
            } else if (intersect) {
                acc.and(s);
            } else {
                acc.or(s);
            }
        }
        return acc;
    }

    private BitSet complement(BitSet s) {
        BitSet r = (BitSet) universe.clone();
        r.andNot(s);
        return r;
    }
}
