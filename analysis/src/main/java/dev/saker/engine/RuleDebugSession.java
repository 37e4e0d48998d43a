package dev.saker.engine;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.fields.FieldRegistry;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.FilterConditions;
import dev.saker.rules.LoadResult;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the rule debugger works on: a set of rules loaded once, a rule of it, and that rule's matches
 * and near misses over a capture (found in one pass), so that stepping from one to the next does not
 * read the capture again. Explanations of single events read up to the event.
 */
public final class RuleDebugSession {
    private final FilterConditions language = new FilterConditions();
    private final FieldRegistry fields;
    private final RuleLoader loader;
    private final List<LoadResult> loads;

    /** An event's explanation, and whether the engine would try the rule on it at all (its event types). */
    public record Debugged(Explanation explanation, boolean applies) {
    }

    /** The rule's matches and near misses in a capture, as sorted event numbers. */
    public record Scan(String rule, long[] matches, long[] nearMisses, long applicable, boolean cancelled) {
        /** The first of {@code events} after {@code num} (-1 when none). */
        public static long next(long[] events, long num) {
            int i = Arrays.binarySearch(events, num);
            i = i >= 0 ? i + 1 : -i - 1;
            return i < events.length ? events[i] : -1;
        }

        /** The last of {@code events} before {@code num} (-1 when none). */
        public static long previous(long[] events, long num) {
            int i = Arrays.binarySearch(events, num);
            i = i >= 0 ? i - 1 : -i - 2;
            return i >= 0 ? events[i] : -1;
        }
    }

    /** {@code fields}: every field rules may use (the CLI and workbench pass RenderedFields.registry()). */
    public RuleDebugSession(List<RulesSource> sources, FieldRegistry fields) {
        this.fields = fields;
        this.loader = new RuleLoader(fields, language, false);
        this.loads = loader.loadAll(sources);
    }

    public boolean loaded() {
        return loads.stream().allMatch(LoadResult::successful);
    }

    public List<LoadResult> loads() {
        return loads;
    }

    /** The loaded rules that can be explained, in evaluation order. */
    public List<String> ruleNames() {
        List<String> out = new ArrayList<>();
        for (CompiledRule r : loader.rules()) {
            if (FilterConditions.exprOf(r.syntax()) != null) {
                out.add(r.name());
            }
        }
        return out;
    }

    /** @throws IllegalArgumentException when there is no such rule or it cannot be explained */
    public RuleExplainer explainer(String rule) {
        CompiledRule r = loader.rules().stream().filter(x -> x.name().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule named '" + rule + "' in the loaded rules"));
        return RuleExplainer.of(r, fields, language::sourceText);
    }

    /** The macro a node's subtree came from when its source differs from its parent's (null otherwise). */
    public String macroOf(Explanation x, Explanation.Node n) {
        String parentSource = n.parent() < 0 ? null : x.nodes().get(n.parent()).span().source();
        if (n.span().source().equals(parentSource)) {
            return null;
        }
        return language.macroOfSource(n.span().source());
    }

    /** The explanation for event {@code num}, or null when the capture has no such event. */
    public static Debugged explain(RuleExplainer ex, Path capture, long num) throws IOException {
        try (InspectedEvents in = InspectedEvents.open(capture, LibsEdition.CURRENT)) {
            EventContext ctx;
            while ((ctx = in.next()) != null) {
                if (ctx.num() == num) {
                    return new Debugged(ex.explain(ctx), ex.applies(ctx));
                }
                if (ctx.num() > num) {
                    return null;
                }
            }
        }
        return null;
    }

    /** One pass over the capture: the events the rule matches and those that fail exactly one conjunct. */
    public static Scan scan(RuleExplainer ex, Path capture, BooleanSupplier cancelled) throws IOException {
        List<Long> matches = new ArrayList<>();
        List<Long> near = new ArrayList<>();
        long applicable = 0;
        boolean stopped = false;
        try (InspectedEvents in = InspectedEvents.open(capture, LibsEdition.CURRENT)) {
            EventContext ctx;
            while ((ctx = in.next()) != null) {
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                if (!ex.applies(ctx)) {
                    continue;
                }
                applicable++;
                Explanation x = ex.explain(ctx);
                if (x.matched()) {
                    matches.add(ctx.num());
                } else if (x.failedConjuncts().size() == 1) {
                    near.add(ctx.num());
                }
            }
        }
        return new Scan(ex.rule().name(), matches.stream().mapToLong(Long::longValue).toArray(),
                near.stream().mapToLong(Long::longValue).toArray(), applicable, stopped);
    }
}
