package dev.saker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import dev.saker.scap.ConformanceCaptures;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, done-means 6 (the hot-path half, as a cheap test next to the JMH benchmark): with
 * falco-rules-5.1.0 stable, incubating and sandbox loaded, evaluating the rules on an event of the
 * conformance captures that no rule matches allocates nothing, counted event by event: numbers are
 * not boxed, and the texts rules test (command lines, flag names, addresses, directories, a failed
 * open's path) are kept with what they are derived from instead of being built again.
 *
 * <p>Each event's figure is the least of a few rounds, so what only the first sight of a value
 * costs (a text remembered for the next event) and JIT events drop out; an allocation that happens
 * every time an event is evaluated does not. The same holds with the JIT off ({@code -Xint}).
 */
class EngineAllocationTest {
    private static final int ROUNDS = 3;

    @Test
    void eventsNoRuleMatchesAreEvaluatedWithoutAllocating() throws Exception {
        Path dir = ConformanceCaptures.requireRoot().resolve("rules-upstream/falco-rules-5.1.0");
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        loader.loadAll(RulesSource.expand(List.of(dir.resolve("falco_rules.yaml"),
                dir.resolve("falco-incubating_rules.yaml"), dir.resolve("falco-sandbox_rules.yaml"))));
        Engine engine = new Engine(loader.rules());
        EventContext ctx = new EventContext();
        List<EventSnapshots.Snapshot> quiet = EventSnapshots.of(ConformanceCaptures.captures()).stream()
                .filter(s -> engine.match(s.load(ctx)).isEmpty()).toList();
        assertThat(quiet.size()).as("events no rule matches").isGreaterThan(5_000);

        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] least = new long[quiet.size()];
        Arrays.fill(least, Long.MAX_VALUE);
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < least.length; i++) {
                EventSnapshots.Snapshot s = quiet.get(i);
                s.load(ctx);
                long before = mx.getCurrentThreadAllocatedBytes();
                boolean matched = !engine.match(ctx).isEmpty();
                long bytes = mx.getCurrentThreadAllocatedBytes() - before;
                if (matched) {
                    throw new AssertionError("event " + s.num() + " matched");
                }
                least[i] = Math.min(least[i], bytes);
            }
        }
        List<String> allocating = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < least.length; i++) {
            total += least[i];
            if (least[i] > 0) {
                allocating.add(describe(engine, ctx, quiet.get(i), least[i], mx));
            }
        }
        System.out.println("engine: " + engine.running().size() + " rules, " + quiet.size()
                + " events no rule matches, " + allocating.size() + " of them allocating, " + total + " bytes in all");
        assertThat(allocating).as("events no rule matches that allocate (least of " + ROUNDS + " rounds)").isEmpty();
    }

    /**
     * An allocating event, its type and the rules that still allocate evaluating it alone, for the
     * failure message (a text the whole evaluation just remembered no longer shows here).
     */
    private static String describe(Engine engine, EventContext ctx, EventSnapshots.Snapshot s, long bytes,
                                   com.sun.management.ThreadMXBean mx) {
        s.load(ctx);
        StringBuilder sb = new StringBuilder("event " + s.num() + " (" + s.raw().info().name() + "): " + bytes + " B");
        List<CompiledRule> rules = new ArrayList<>(engine.rulesFor(s.raw().type()));
        for (CompiledRule r : rules) {
            long least = Long.MAX_VALUE;
            for (int k = 0; k < ROUNDS; k++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                r.filter().matches(ctx);
                least = Math.min(least, mx.getCurrentThreadAllocatedBytes() - before);
            }
            if (least > 0) {
                sb.append(", rule \"").append(r.name()).append("\" ").append(least).append(" B");
            }
        }
        return sb.toString();
    }
}
