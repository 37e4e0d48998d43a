package dev.saker.filter;

import java.util.List;

/**
 * A boolean node of a condition's syntax tree. Every node carries the {@link Span} of the text it
 * was parsed from; {@code toString()} is the tree as an s-expression (the parser stage's debug dump).
 *
 * <p>Macro references are {@link Identifier} nodes: the rules layer replaces them (see
 * {@link ExprRewriter}) before compiling. Parentheses leave no node of their own.
 */
public sealed interface Expr permits Expr.And, Expr.Or, Expr.Not, Expr.Identifier, Expr.Check {

    Span span();

    <R> R accept(ExprVisitor<R> visitor);

    /** {@code a and b and c}: n-ary, evaluated left to right with short circuit. */
    record And(List<Expr> children, Span span) implements Expr {
        public And {
            children = List.copyOf(children);
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.and(this);
        }

        @Override
        public String toString() {
            return SExpression.of(this);
        }
    }

    /** {@code a or b or c}: n-ary, evaluated left to right with short circuit. */
    record Or(List<Expr> children, Span span) implements Expr {
        public Or {
            children = List.copyOf(children);
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.or(this);
        }

        @Override
        public String toString() {
            return SExpression.of(this);
        }
    }

    /** {@code not x}; {@code not not x} parses to x itself, as in libsinsp. */
    record Not(Expr child, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.not(this);
        }

        @Override
        public String toString() {
            return SExpression.of(this);
        }
    }

    /** A bare name in a boolean position: a macro reference. */
    record Identifier(String name, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.identifier(this);
        }

        @Override
        public String toString() {
            return SExpression.of(this);
        }
    }

    /**
     * A comparison: {@code left op right}, or {@code left exists} with {@code right} null.
     * {@code modifier} is NONE unless written as {@code op oneof|anyof|allof (…)}.
     */
    record Check(Operand left, Operator op, Operator.Modifier modifier, Operand right, Span span) implements Expr {
        public Check {
            if ((op == Operator.EXISTS) != (right == null)) {
                throw new IllegalArgumentException("exists takes no right-hand side, other operators need one");
            }
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.check(this);
        }

        @Override
        public String toString() {
            return SExpression.of(this);
        }
    }
}
