package dev.saker.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax tree of {@link ProvisionalConditions}: just enough of libsinsp's AST for the loader
 * (boolean structure, macro references, checks with their field and values). Each node keeps its
 * position in the condition text.
 */
sealed interface ProvisionalSyntax extends ConditionLanguage.Syntax {
    record Pos(int index, int line, int column) {
    }

    record And(List<ProvisionalSyntax> children, Pos pos) implements ProvisionalSyntax {
    }

    record Or(List<ProvisionalSyntax> children, Pos pos) implements ProvisionalSyntax {
    }

    record Not(ProvisionalSyntax child, Pos pos) implements ProvisionalSyntax {
    }

    record Identifier(String name, Pos pos) implements ProvisionalSyntax {
    }

    /** A field, or a transformer over arguments (fields, values or nested transformers). */
    record Operand(String field, String arg, String transformer, List<Operand> args, String value, Pos pos) {
        static Operand field(String f, String arg, Pos pos) {
            return new Operand(f, arg, null, List.of(), null, pos);
        }

        static Operand value(String v, Pos pos) {
            return new Operand(null, null, null, List.of(), v, pos);
        }

        boolean isValue() {
            return value != null;
        }

        /** Every plain field reference in this operand, transformers included. */
        void fields(List<Operand> out) {
            if (field != null) {
                out.add(this);
            }
            for (Operand a : args) {
                a.fields(out);
            }
        }
    }

    /** {@code left op [right]}: right is a value, a list of values or a transformer/val(). */
    record Check(Operand left, String op, Operand right, List<String> list, Pos pos) implements ProvisionalSyntax {
    }

    @Override
    default ProvisionalSyntax substituteIdentifiers(ConditionLanguage.IdentifierVisitor v)
            throws ConditionLanguage.ConditionError {
        if (this instanceof And a) {
            return new And(substituteAll(a.children(), v), a.pos());
        }
        if (this instanceof Or o) {
            return new Or(substituteAll(o.children(), v), o.pos());
        }
        if (this instanceof Not n) {
            return new Not(n.child().substituteIdentifiers(v), n.pos());
        }
        if (this instanceof Identifier i) {
            ConditionLanguage.Syntax r = v.visit(i.name(), i.pos().index(), i.pos().line(), i.pos().column());
            return r == null ? this : (ProvisionalSyntax) r;
        }
        return this;
    }

    private static List<ProvisionalSyntax> substituteAll(List<ProvisionalSyntax> in, ConditionLanguage.IdentifierVisitor v)
            throws ConditionLanguage.ConditionError {
        List<ProvisionalSyntax> out = new ArrayList<>(in.size());
        for (ProvisionalSyntax c : in) {
            out.add(c.substituteIdentifiers(v));
        }
        return out;
    }
}
