package dev.saker.filter;

import java.util.List;

/**
 * The parser stage's outcome: the syntax tree, or the problems that kept it from being built
 * (never both). {@link #status()} is what a filter bar colours.
 */
public record ParseResult(String text, String source, Expr expr, List<FilterProblem> problems) {

    public enum Status { VALID, INCOMPLETE, INVALID }

    public ParseResult {
        problems = List.copyOf(problems);
        if ((expr == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a parse result has a tree or problems, not both");
        }
    }

    public boolean ok() {
        return expr != null;
    }

    /** VALID with a tree; INCOMPLETE when more text could make it valid; INVALID otherwise. */
    public Status status() {
        if (ok()) {
            return Status.VALID;
        }
        return problems.stream().allMatch(FilterProblem::isIncomplete) ? Status.INCOMPLETE : Status.INVALID;
    }

    /** The problems rendered with a caret under each span, one block per problem. */
    public String describeProblems() {
        StringBuilder b = new StringBuilder();
        for (FilterProblem p : problems) {
            b.append(p.render(text)).append('\n');
        }
        return b.toString();
    }
}
