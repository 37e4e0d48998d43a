package dev.saker.engine;

import dev.saker.filter.Condition;
import dev.saker.filter.Expr;
import dev.saker.filter.Operand;
import dev.saker.filter.Operator;
import dev.saker.filter.ParseResult;
import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The event types a rule's expanded condition can match, by libs' ppm_codes rules: and intersects,
 * or unites, negation is pushed down and inverts only sets that came from evt.type checks, other
 * checks are neutral (every type). Types are matched by name, so every schema version of a
 * syscall's event (old captures record older codes) is included.
 *
 * <p>The rule loader exposes the condition with lists substituted but macros still referenced by name
 * (CompiledRule.expandedCondition); a macro reference counts as neutral here, so a rule's set can be
 * larger than Falco's (never smaller: libs' sets over-approximate what a condition matches). Matches
 * are the same, since the rule's filter decides; only more rules are tried per event. Giving the engine
 * the macro-expanded tree (an accessor in dev.saker.rules) would make the sets exact.
 */
final class EventTypes {
    private static final EventSchema SCHEMA = EventSchema.current();
    private static final BitSet UNIVERSE = new BitSet();

    static {
        for (int t = 0; t < SCHEMA.size(); t++) {
            if (SCHEMA.info(t) != null) {
                UNIVERSE.set(t);
            }
        }
    }

    private EventTypes() {
    }

    /** The codes the condition can match, or null when it cannot be analysed (every type then). */
    static BitSet of(String expandedCondition) {
        if (expandedCondition == null || expandedCondition.isBlank()) {
            return null;
        }
        ParseResult p = Condition.parse(expandedCondition, "rule");
        if (!p.ok() || p.expr() == null) {
            return null;
        }
        try {
            return codes(p.expr(), false);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the condition still references macros by name (then its set is an over-approximation). */
    static boolean hasMacroReferences(String condition) {
        ParseResult p = Condition.parse(condition, "rule");
        return p.expr() == null || hasIdentifier(p.expr());
    }

    private static boolean hasIdentifier(Expr e) {
        if (e instanceof Expr.Identifier) {
            return true;
        }
        if (e instanceof Expr.And a) {
            return a.children().stream().anyMatch(EventTypes::hasIdentifier);
        }
        if (e instanceof Expr.Or o) {
            return o.children().stream().anyMatch(EventTypes::hasIdentifier);
        }
        return e instanceof Expr.Not n && hasIdentifier(n.child());
    }

    static boolean all(BitSet s) {
        return s == null || s.equals(UNIVERSE);
    }

    private static BitSet codes(Expr e, boolean negated) {
        if (e instanceof Expr.And a) {
            return combine(a.children(), negated, !negated);
        }
        if (e instanceof Expr.Or o) {
            return combine(o.children(), negated, negated);
        }
        if (e instanceof Expr.Not n) {
            return codes(n.child(), !negated);
        }
        if (e instanceof Expr.Check c && c.left() instanceof Operand.Field f && f.arg() == null
                && (f.name().equals("evt.type") || f.name().equals("syscall.type"))
                && c.modifier() == Operator.Modifier.NONE
                && (c.op() == Operator.EQ || c.op() == Operator.EQEQ || c.op() == Operator.NE || c.op() == Operator.IN)) {
            Set<String> wanted = new HashSet<>();
            values(c.right()).forEach(v -> wanted.add(v.text()));
            BitSet s = new BitSet();
            for (int t = UNIVERSE.nextSetBit(0); t >= 0; t = UNIVERSE.nextSetBit(t + 1)) {
                EventInfo info = SCHEMA.info(t);
                if (wanted.contains(info.name())) {
                    s.set(t);
                }
            }
            if ((c.op() == Operator.NE) != negated) {
                BitSet all = (BitSet) UNIVERSE.clone();
                all.andNot(s);
                return all;
            }
            return s;
        }
        if (e instanceof Expr.Check c && c.left() instanceof Operand.Field f && f.name().equals("evt.num")
                && c.right() instanceof Operand.Value v && never(c.op(), v.text())) {
            return negated ? (BitSet) UNIVERSE.clone() : new BitSet();
        }
        return (BitSet) UNIVERSE.clone();
    }

    private static boolean never(Operator op, String v) {
        return (op == Operator.EQ || op == Operator.EQEQ) && v.equals("0")
                || op == Operator.LT && v.equals("1") || op == Operator.LE && v.equals("0");
    }

    private static List<Operand.Value> values(Operand right) {
        if (right instanceof Operand.ValueList l) {
            return l.items();
        }
        return right instanceof Operand.Value v ? List.of(v) : List.of();
    }

    private static BitSet combine(List<Expr> children, boolean negated, boolean intersect) {
        BitSet out = null;
        for (Expr c : children) {
            BitSet s = codes(c, negated);
            if (out == null) {
                out = s;
            } else if (intersect) {
                out.and(s);
            } else {
                out.or(s);
            }
        }
        return out == null ? (BitSet) UNIVERSE.clone() : out;
    }
}
