package dev.saker.jmh;

import dev.saker.engine.Engine;
import dev.saker.engine.EventSnapshots;
import dev.saker.fields.EventContext;
import dev.saker.format.RenderedFields;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's per-event hot path: falco-rules-5.1.0 stable, incubating and sandbox loaded, one
 * event of the conformance captures per operation (kept in memory, see {@link EventSnapshots}),
 * {@link Engine#match}. {@code quietEvent} cycles through the events no rule matches (run with
 * {@code -prof gc}: its gc.alloc.rate.norm is the allocation per such event), {@code anyEvent}
 * through all of them, {@code loopOnly} through the quiet ones without the engine (JMH's own
 * allocation, the same bytes per second whatever the benchmark). Run with bench/engine-jmh.sh; not
 * part of the test command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineMatchBenchmark {
    private Engine engine;
    private EventSnapshots.Snapshot[] quiet;
    private EventSnapshots.Snapshot[] all;
    private final EventContext ctx = new EventContext();
    private int nextQuiet;
    private int nextAny;

    @Setup
    public void setUp() throws IOException {
        Path root = ConformanceCaptures.root();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("conformance material not found at " + root + " (-Dsaker.conformance=DIR)");
        }
        Path dir = root.resolve("rules-upstream/falco-rules-5.1.0");
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        loader.loadAll(RulesSource.expand(List.of(dir.resolve("falco_rules.yaml"),
                dir.resolve("falco-incubating_rules.yaml"), dir.resolve("falco-sandbox_rules.yaml"))));
        engine = new Engine(loader.rules());
        List<EventSnapshots.Snapshot> events = EventSnapshots.of(ConformanceCaptures.captures());
        all = events.toArray(EventSnapshots.Snapshot[]::new);
        quiet = events.stream().filter(s -> engine.match(s.load(ctx)).isEmpty()).toArray(EventSnapshots.Snapshot[]::new);
    }

    @Benchmark
    public int quietEvent() {
        EventSnapshots.Snapshot s = quiet[nextQuiet];
        nextQuiet = nextQuiet + 1 == quiet.length ? 0 : nextQuiet + 1;
        return engine.match(s.load(ctx)).size();
    }

    /**
     * The same loop without {@link Engine#match}: what JMH and the loop itself cost, allocation
     * included (JMH's own bookkeeping shows as a few thousandths of a byte per operation).
     */
    @Benchmark
    public int loopOnly() {
        EventSnapshots.Snapshot s = quiet[nextQuiet];
        nextQuiet = nextQuiet + 1 == quiet.length ? 0 : nextQuiet + 1;
        return s.load(ctx).raw().type();
    }

    @Benchmark
    public int anyEvent() {
        EventSnapshots.Snapshot s = all[nextAny];
        nextAny = nextAny + 1 == all.length ? 0 : nextAny + 1;
        return engine.match(s.load(ctx)).size();
    }
}
