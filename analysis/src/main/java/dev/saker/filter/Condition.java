package dev.saker.filter;

/**
 * Entry point of the condition language's front end. A condition goes through named stages, each
 * with its debug dump:
 * <ol>
 *   <li>{@link #parse}: text to syntax tree ({@link Expr}; dump: {@code toString()}, an s-expression);</li>
 *   <li>macro and list expansion on the tree, done by the rules layer with {@link ExprRewriter};</li>
 *   <li>{@link FilterCompiler#compile}: field names resolved and operators checked against a field
 *       registry, then the tree turned into a {@link Filter} that evaluates events
 *       (dump: {@link Filter#toString()}).</li>
 * </ol>
 * Nothing here throws for bad user input: problems are values with spans.
 */
public final class Condition {
    /** Falco's parser depth limit ({@code set_max_depth(1000)}; libs' own default is 100). */
    public static final int FALCO_MAX_DEPTH = 1000;

    private Condition() {
    }

    /**
     * Parses a condition. {@code sourceName} names the text in every span (e.g. "rule 'Write below
     * etc' condition", "macro open_write", "command line").
     */
    public static ParseResult parse(String text, String sourceName) {
        return parse(text, sourceName, FALCO_MAX_DEPTH);
    }

    public static ParseResult parse(String text, String sourceName, int maxDepth) {
        try {
            Expr e = new ConditionParser(text, sourceName, maxDepth).parse();
            return new ParseResult(text, sourceName, e, java.util.List.of());
        } catch (Failure f) {
            FilterProblem p = new FilterProblem(f.code, f.getMessage(), new Span(sourceName, f.start, Math.max(f.start, f.end)));
            return new ParseResult(text, sourceName, null, java.util.List.of(p));
        } catch (StackOverflowError e) {
            FilterProblem p = new FilterProblem(FilterProblem.Code.TOO_DEEP, "condition nested too deeply",
                    new Span(sourceName, 0, text.length()));
            return new ParseResult(text, sourceName, null, java.util.List.of(p));
        }
    }
}
