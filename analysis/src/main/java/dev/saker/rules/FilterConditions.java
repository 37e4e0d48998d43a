package dev.saker.rules;

import dev.saker.fields.FieldRegistry;
import dev.saker.filter.CompileResult;
import dev.saker.filter.Condition;
import dev.saker.filter.Expr;
import dev.saker.filter.ExprRewriter;
import dev.saker.filter.Filter;
import dev.saker.filter.FilterProblem;
import dev.saker.filter.FilterCompiler;
import dev.saker.filter.Operand;
import dev.saker.filter.Operator;
import dev.saker.filter.ParseResult;
import dev.saker.filter.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The condition language of dev.saker.filter behind the loader's seam: its parser, its
 * ExprRewriter for macro expansion, its compiler against the field registry, plus the two things
 * Falco's loader does around libsinsp's compiler: the evt.type value check ("unknown event type")
 * and the event-code count for LOAD_NO_EVTTYPE.
 */
public final class FilterConditions implements ConditionLanguage {
    /** Each parsed text gets a source name; spans (also inside expanded macros) find their text by it. */
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, int[]> lineStarts = new HashMap<>();
    /** The source name of each parsed macro body put in place of a reference, and the macro's name. */
    private final Map<String, String> macroSources = new HashMap<>();
    private final EventCodes codes = new EventCodes();

    /** What compiling gives besides the common result: the filter, for the engine. */
    public record FilterCompiled(Filter filter) {
    }

    private final class Substitution implements ExprRewriter {
        private final IdentifierVisitor visitor;
        ConditionError failure;

        Substitution(IdentifierVisitor visitor) {
            this.visitor = visitor;
        }

        @Override
        public Expr identifier(Expr.Identifier id) {
            if (failure != null) {
                return id;
            }
            int[] lc = lineColumn(id.span());
            try {
                Syntax r = visitor.visit(id.name(), id.span().start(), lc[0], lc[1]);
                if (r == null) {
                    return id;
                }
                macroSources.putIfAbsent(((Tree) r).expr.span().source(), id.name());
                return ((Tree) r).expr;
            } catch (ConditionError e) {
                failure = e;
                return id;
            }
        }
    }

    /** The seam's tree: an Expr whose substitution runs the rewriter. */
    private final class Tree implements Syntax {
        final Expr expr;

        Tree(Expr expr) {
            this.expr = expr;
        }

        @Override
        public Syntax substituteIdentifiers(IdentifierVisitor visitor) throws ConditionError {
            Substitution s = new Substitution(visitor);
            Expr out = s.rewrite(expr);
            if (s.failure != null) {
                throw s.failure;
            }
            return new Tree(out);
        }
    }

    @Override
    public Syntax parse(String condition) throws ConditionError {
        String source = "condition#" + texts.size();
        texts.put(source, condition);
        ParseResult r = Condition.parse(condition, source);
        if (!r.ok()) {
            throw error(r.problems().get(0));
        }
        return new Tree(r.expr());
    }

    @Override
    public Warnings warnings(Syntax expanded) {
        List<Expr.Check> checks = new ArrayList<>();
        EventCodes.checks(((Tree) expanded).expr, checks);
        boolean unsafe = false;
        Set<String> used = new HashSet<>();
        for (Expr.Check c : checks) {
            List<Operand.Field> left = new ArrayList<>();
            fields(c.left(), left);
            left.forEach(f -> used.add(f.name()));
            if (c.left() instanceof Operand.Field f && (f.name().startsWith("ka.") || f.name().startsWith("jevt."))
                    && EQUALITY.contains(c.op()) && c.modifier() == Operator.Modifier.NONE) {
                unsafe |= EventCodes.values(c.right()).stream().anyMatch(v -> v.text().equals("<NA>"));
            }
        }
        return new Warnings(unsafe, DEPRECATED_FIELDS.stream().filter(used::contains).toList());
    }

    private static final List<Operator> EQUALITY = List.of(Operator.EQ, Operator.EQEQ, Operator.NE, Operator.IN,
            Operator.INTERSECTS, Operator.PMATCH);
    private static final List<String> DEPRECATED_FIELDS = List.of("evt.dir", "evt.latency", "evt.latency.s",
            "evt.latency.ns", "evt.latency.human", "evt.wait_latency");

    private static void fields(Operand o, List<Operand.Field> out) {
        if (o instanceof Operand.Field f) {
            out.add(f);
        } else if (o instanceof Operand.Transform t) {
            t.args().forEach(a -> fields(a, out));
        }
    }

    @Override
    public Compiled compile(Syntax expanded, FieldRegistry fields) throws ConditionError {
        Expr expr = ((Tree) expanded).expr;
        CompileResult c = FilterCompiler.compile(expr, fields);
        if (!c.ok()) {
            throw error(c.problems().get(0));
        }
        checkEventTypes(expr);
        List<ConditionError> warnings = new ArrayList<>();
        List<Expr.Check> checks = new ArrayList<>();
        EventCodes.checks(expr, checks);
        for (Expr.Check check : checks) {
            ValueWarnings.of(check, fields, (msg, span) -> {
                int[] lc = lineColumn(span);
                warnings.add(new ConditionError(msg, span.start(), lc[0], lc[1]));
            });
        }
        return new Compiled(warnings, codes.of(expr), new FilterCompiled(c.filter()));
    }

    /** The expanded tree behind a syntax this language produced (null for another language's). */
    public static Expr exprOf(Syntax syntax) {
        return syntax instanceof Tree t ? t.expr : null;
    }

    /** The text a span's source name refers to (a parsed condition, after list substitution), or null. */
    public String sourceText(String source) {
        return texts.get(source);
    }

    /**
     * The macro whose body a span's source name is (nodes of an expanded tree whose source differs from
     * their parent's came from a macro reference), or null when it is not a macro body.
     */
    public String macroOfSource(String source) {
        return macroSources.get(source);
    }

    /** The filter compiled from a tree this language produced. */
    public static Filter filterOf(ConditionLanguage.Compiled compiled) {
        return compiled.extra() instanceof FilterCompiled f ? f.filter() : null;
    }

    private void checkEventTypes(Expr e) throws ConditionError {
        List<Expr.Check> checks = new ArrayList<>();
        EventCodes.checks(e, checks);
        for (Expr.Check c : checks) {
            if (EventCodes.isEventType(c.left()) && c.op() != Operator.EXISTS) {
                for (Operand.Value v : EventCodes.values(c.right())) {
                    if (!codes.isEventName(v.text())) {
                        int[] lc = lineColumn(c.span());
                        throw new ConditionError("unknown event type " + v.text(), c.span().start(), lc[0], lc[1]);
                    }
                }
            }
        }
    }

    private ConditionError error(FilterProblem p) {
        int[] lc = lineColumn(p.span());
        return new ConditionError(p.message(), p.span().start(), lc[0], lc[1]);
    }

    /** 1-based line and column of a span's start in the text it came from. */
    private int[] lineColumn(Span span) {
        String text = texts.getOrDefault(span.source(), "");
        // every macro reference asks this while macros are expanded: from the line starts found once per
        // text instead of counting from the start of the text each time
        int[] starts = lineStarts.computeIfAbsent(span.source(), s -> lineStartsOf(text));
        int p = Math.max(0, Math.min(span.start(), text.length()));
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return new int[] {lo, p - starts[lo - 1] + 1};
    }

    /** 0 and the index after every line break. */
    private static int[] lineStartsOf(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        int[] starts = new int[n];
        for (int i = 0, k = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }
}
