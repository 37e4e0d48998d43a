package dev.saker.filter;

import java.util.List;

/**
 * The checker/compiler stage's outcome: a {@link Filter}, or every problem found (unknown fields,
 * operators a field's type does not support, values that are not of the field's type, macros left
 * unexpanded), each with its span. Parse problems pass through when compiling from text. Spans may
 * point into several texts (a rule's condition, the macros and lists expanded into it): render each
 * problem against the text its {@code span().source()} names.
 */
public record CompileResult(Filter filter, List<FilterProblem> problems) {
    public CompileResult {
        problems = List.copyOf(problems);
        if ((filter == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a compile result has a filter or problems, not both");
        }
    }

    public boolean ok() {
        return filter != null;
    }
}
