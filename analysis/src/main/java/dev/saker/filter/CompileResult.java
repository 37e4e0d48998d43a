package dev.saker.filter;

import java.util.List;

/**
 * The checker/compiler stage's outcome: a {@link Filter}, or every problem found (unknown fields,
 * operators a field's type does not support, values that are not of the field's type, macros left
 * unexpanded), each with its span. Parse problems pass through when compiling from text.
 */
public record CompileResult(String text, Filter filter, List<FilterProblem> problems) {
    public CompileResult {
        problems = List.copyOf(problems);
        if ((filter == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a compile result has a filter or problems, not both");
        }
    }

    public boolean ok() {
        return filter != null;
    }

    /** The problems rendered with a caret under each span (against {@code text}). */
    public String describeProblems() {
        StringBuilder b = new StringBuilder();
        for (FilterProblem p : problems) {
            b.append(p.render(text)).append('\n');
        }
        return b.toString();
    }
}
