package dev.saker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.format.RenderedFields;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import dev.saker.scap.Allocations;
import dev.saker.scap.ConformanceCaptures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, done-means 6 (the hot-path half, as a cheap test next to the JMH benchmark): with
 * falco-rules-5.1.0 stable, incubating and sandbox loaded, evaluating the rules on the events of the
 * conformance captures that no rule matches allocates (next to) nothing: numbers are not boxed, and
 * the texts rules test on every event (command lines, flag names, addresses, directories) are kept
 * with the state values they come from instead of being built again.
 */
class EngineAllocationTest {
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

        long bytes = Allocations.allocatedWhile(() -> {
            for (EventSnapshots.Snapshot s : quiet) {
                if (!engine.match(s.load(ctx)).isEmpty()) {
                    throw new AssertionError("event " + s.num() + " matched");
                }
            }
        });
        System.out.println("engine: " + engine.running().size() + " rules, " + quiet.size()
                + " events no rule matches, " + bytes + " bytes allocated evaluating them");
        // what remains is a cache miss now and then (a path or address text first seen, or pushed out
        // of its slot): under a byte per event on average, against about 90 before the caches
        assertThat(bytes).as("bytes allocated evaluating " + quiet.size() + " events no rule matches")
                .isLessThan(quiet.size());
    }
}
