package dev.saker.filter;

/** One method per kind of boolean node; {@link Expr#accept} dispatches. */
public interface ExprVisitor<R> {
    R and(Expr.And e);

    R or(Expr.Or e);

    R not(Expr.Not e);

    R identifier(Expr.Identifier e);

    R check(Expr.Check e);
}
