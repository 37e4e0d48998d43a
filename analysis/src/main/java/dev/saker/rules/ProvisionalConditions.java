package dev.saker.rules;

import dev.saker.fields.FieldRegistry;
import dev.saker.rules.ProvisionalSyntax.And;
import dev.saker.rules.ProvisionalSyntax.Check;
import dev.saker.rules.ProvisionalSyntax.Identifier;
import dev.saker.rules.ProvisionalSyntax.Not;
import dev.saker.rules.ProvisionalSyntax.Operand;
import dev.saker.rules.ProvisionalSyntax.Or;
import dev.saker.scap.EventInfo;
import dev.saker.scap.EventSchema;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The condition language until dev.saker.filter lands: libsinsp's grammar, field names checked
 * against the registry, evt.type values checked against the event table, and the event-code set
 * computed as libs' ppm_codes.cpp does (and: intersection, or: union, negation pushed down and
 * inverting only event-type sets). It does not evaluate anything.
 */
public final class ProvisionalConditions implements ConditionLanguage {
    private final EventSchema schema = EventSchema.current();
    private final BitSet universe = new BitSet();
    private final Set<String> eventNames = new HashSet<>();

    public ProvisionalConditions() {
        for (int t = 0; t < schema.size(); t++) {
            EventInfo info = schema.info(t);
            if (info != null) {
                universe.set(t);
                eventNames.add(info.name());
            }
        }
        for (int id = 0; id < 1000; id++) {
            String n = schema.syscallName(id);
            if (n != null && !n.isEmpty()) {
                eventNames.add(n);
            }
        }
    }

    @Override
    public Syntax parse(String condition) throws ConditionError {
        return ProvisionalParser.parse(condition);
    }

    @Override
    public Compiled compile(Syntax expanded, FieldRegistry fields) throws ConditionError {
        ProvisionalSyntax root = (ProvisionalSyntax) expanded;
        check(root, fields);
        return new Compiled(List.of(), codes(root, false).cardinality());
    }

    private void check(ProvisionalSyntax n, FieldRegistry fields) throws ConditionError {
        if (n instanceof And a) {
            for (ProvisionalSyntax c : a.children()) {
                check(c, fields);
            }
        } else if (n instanceof Or o) {
            for (ProvisionalSyntax c : o.children()) {
                check(c, fields);
            }
        } else if (n instanceof Not not) {
            check(not.child(), fields);
        } else if (n instanceof Identifier i) {
            throw new ConditionError("unexpected identifier '" + i.name() + "'", i.pos().index(), i.pos().line(),
                    i.pos().column());
        } else if (n instanceof Check c) {
            List<Operand> used = new ArrayList<>();
            c.left().fields(used);
            if (c.right() != null) {
                c.right().fields(used);
            }
            for (Operand f : used) {
                if (!FieldNames.exists(fields, f.field(), f.arg())) {
                    throw new ConditionError("filter_check called with nonexistent field " + f.field(),
                            f.pos().index(), f.pos().line(), f.pos().column());
                }
            }
            if (isEventType(c.left())) {
                for (String v : values(c)) {
                    if (!eventNames.contains(v)) {
                        throw new ConditionError("unknown event type " + v, c.pos().index(), c.pos().line(),
                                c.pos().column());
                    }
                }
            }
        }
    }

    private static boolean isEventType(Operand o) {
        return o.transformer() == null && ("evt.type".equals(o.field()) || "syscall.type".equals(o.field()));
    }

    private static List<String> values(Check c) {
        if (c.list() != null) {
            return c.list();
        }
        return c.right() != null && c.right().isValue() ? List.of(c.right().value()) : List.of();
    }

    private BitSet codes(ProvisionalSyntax n, boolean negated) {
        if (n instanceof And a) {
            return combine(a.children(), negated, !negated);
        }
        if (n instanceof Or o) {
            return combine(o.children(), negated, negated);
        }
        if (n instanceof Not not) {
            return codes(not.child(), !negated);
        }
        if (n instanceof Check c && isEventType(c.left()) && !c.op().equals("exists")
                && (c.op().equals("=") || c.op().equals("==") || c.op().equals("!=") || c.op().equals("in"))) {
            BitSet s = new BitSet();
            Set<String> names = new HashSet<>(values(c));
            for (int t = universe.nextSetBit(0); t >= 0; t = universe.nextSetBit(t + 1)) {
                if (names.contains(schema.info(t).name())) {
                    s.set(t);
                }
            }
            return c.op().equals("!=") != negated ? complement(s) : s;
        }
        if (n instanceof Check c && "evt.num".equals(c.left().field()) && c.left().transformer() == null
                && c.right() != null && c.right().isValue() && isNever(c.op(), c.right().value())) {
            return negated ? (BitSet) universe.clone() : new BitSet();
        }
        return (BitSet) universe.clone();
    }

    /** evt.num=0, evt.num<1, evt.num<=0: no event has them (event numbers start at 1). */
    private static boolean isNever(String op, String v) {
        return (op.equals("=") || op.equals("==") || op.equals("<=")) && v.equals("0") || op.equals("<") && v.equals("1");
    }

    private BitSet combine(List<ProvisionalSyntax> children, boolean negated, boolean intersect) {
        BitSet acc = null;
        for (ProvisionalSyntax c : children) {
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
