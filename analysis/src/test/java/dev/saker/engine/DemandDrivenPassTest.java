package dev.saker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.filter.Filter;
import dev.saker.format.FalcoAlerts;
import dev.saker.format.RenderedFields;
import dev.saker.index.CaptureIndex;
import dev.saker.index.CaptureIndexer;
import dev.saker.index.RowFilter;
import dev.saker.index.RowQuery;
import dev.saker.index.RowSet;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demand-driven pass (events nobody reads and whose type cannot change the state get only the
 * bookkeeping) gives exactly what the full pass gives: the same alerts with every official rule, the
 * same filter rows, the same error at the same place on damaged files. The full pass is the plain
 * loop over {@link InspectedEvents} without a demand, as every consumer ran before.
 */
class DemandDrivenPassTest {
    private static final List<String> CONDITIONS = List.of(
            "evt.type in (open, openat) and fd.name contains /etc",
            "evt.type=execve and proc.name=bash",
            "evt.type in (read, write) and fd.type=ipv4",
            "evt.type=close and fd.num>2",
            "fd.type=ipv4",
            "proc.name contains sh",
            "fd.name startswith /proc and evt.dir=<",
            "evt.type in (clock_gettime, rt_sigprocmask, nanosleep, open) and proc.name contains a",
            "evt.type=syscall or evt.type=getegid");
    private static List<CompiledRule> rules;

    @BeforeAll
    static void loadOfficialRules() throws IOException {
        Path dir = ConformanceCaptures.requireRoot().resolve("rules-upstream/falco-rules-5.1.0");
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        loader.loadAll(RulesSource.expand(List.of(dir.resolve("falco_rules.yaml"),
                dir.resolve("falco-incubating_rules.yaml"), dir.resolve("falco-sandbox_rules.yaml"))));
        rules = loader.rules();
    }

    /** Conformance captures, Falco's trace files, the bundled samples and (when built) a bench capture. */
    static List<Path> captures() throws IOException {
        List<Path> all = new ArrayList<>(ConformanceCaptures.captures());
        all.addAll(scapFiles(ConformanceCaptures.root().resolve("falco-legacy/trace_files")));
        all.addAll(scapFiles(Path.of("../sample-captures")));
        Path bench = Path.of("../bench/out/bench-20000.scap");
        if (Files.isRegularFile(bench)) {
            all.add(bench);
        } else {
            System.out.println("demand-driven pass: no bench capture at " + bench.toAbsolutePath().normalize()
                    + " (bench/read-vs-sysdig.sh 20000 builds it); compared on the others");
        }
        return all;
    }

    private static List<Path> scapFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".scap")).sorted().toList();
        }
    }

    @Test
    void scanAlertsAreThoseOfTheFullPassInConvertedAndRawModes() throws IOException {
        FalcoAlerts falco = new FalcoAlerts(false);
        int alerts = 0;
        for (boolean raw : new boolean[] {false, true}) {
            Engine engine = new Engine(rules, Selection.DEFAULT, RuleMatching.ALL, raw);
            for (Path capture : captures()) {
                List<String> full = fullScan(engine, capture, falco);
                assertThat(demandScan(engine, capture, falco)).as(capture + (raw ? " raw" : " converted")).isEqualTo(full);
                alerts += full.size();
            }
        }
        System.out.println("demand-driven scan: " + alerts + " alerts identical to the full pass");
        assertThat(alerts).isGreaterThan(0);
    }

    @Test
    void filterRowsAreThoseOfTheFullPass() throws IOException {
        int rows = 0;
        for (Path capture : captures()) {
            CaptureIndex index;
            try {
                index = CaptureIndexer.build(capture);
            } catch (IOException e) {
                continue;   // damaged conformance files are compared in the damage test
            }
            for (String condition : CONDITIONS) {
                RowSet set = RowFilter.run(index, RowQuery.ALL.withCondition(condition), () -> false);
                List<Integer> got = new ArrayList<>();
                for (int i = 0; i < set.size(); i++) {
                    got.add(set.row(i));
                }
                List<Integer> full = fullRows(capture, condition, index.size());
                assertThat(got).as(capture + ": " + condition).isEqualTo(full);
                rows += full.size();
            }
        }
        System.out.println("demand-driven filter: " + rows + " rows identical to the full pass");
        assertThat(rows).isGreaterThan(0);
    }

    @Test
    void damagedCapturesFailAtTheSamePlaceWithTheSameAlertsBefore() throws IOException {
        FalcoAlerts falco = new FalcoAlerts(false);
        Engine engine = new Engine(rules, Selection.DEFAULT, RuleMatching.ALL, false);
        Path dir = Files.createTempDirectory("saker-demand");
        int errors = 0;
        try {
            for (Path capture : captures()) {
                byte[] bytes = Files.readAllBytes(capture);
                if (bytes.length < 2 || bytes[0] == 0x1f) {
                    continue;   // gzip: a cut there is a gzip error, the same on both paths by construction
                }
                for (int cut : new int[] {bytes.length / 3, bytes.length / 2 + 7, bytes.length - 5}) {
                    Path damaged = dir.resolve("cut.scap");
                    Files.write(damaged, java.util.Arrays.copyOf(bytes, cut));
                    List<String> full = fullScan(engine, damaged, falco);
                    assertThat(demandScan(engine, damaged, falco)).as(capture + " cut at " + cut).isEqualTo(full);
                    errors += full.isEmpty() || !full.get(full.size() - 1).startsWith("error") ? 0 : 1;
                }
                // a flipped event type byte in the middle: whatever it breaks breaks the same way
                byte[] flipped = bytes.clone();
                flipped[bytes.length / 2] ^= 0x5A;
                Path damaged = dir.resolve("flip.scap");
                Files.write(damaged, flipped);
                assertThat(demandScan(engine, damaged, falco)).as(capture + " flipped")
                        .isEqualTo(fullScan(engine, damaged, falco));
            }
        } finally {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
        System.out.println("demand-driven pass on damaged captures: " + errors + " errors identical to the full pass");
        assertThat(errors).isGreaterThan(0);
    }

    private static List<String> fullScan(Engine engine, Path capture, FalcoAlerts falco) {
        List<String> out = new ArrayList<>();
        try (InspectedEvents in = InspectedEvents.open(capture)) {
            for (EventContext ctx; (ctx = in.next()) != null; ) {
                for (CompiledRule r : engine.match(ctx)) {
                    out.add(ctx.num() + " " + r.name() + " " + falco.render(r, ctx).text());
                }
            }
        } catch (IOException e) {
            out.add("error " + e.getMessage());
        }
        return out;
    }

    private static List<String> demandScan(Engine engine, Path capture, FalcoAlerts falco) {
        List<String> out = new ArrayList<>();
        try {
            engine.scan(capture, falco, d -> out.add(d.eventNumber() + " " + d.rule() + " " + d.output()));
        } catch (IOException e) {
            out.add("error " + e.getMessage());
        }
        return out;
    }

    private static List<Integer> fullRows(Path capture, String condition, int size) throws IOException {
        Filter filter = RowFilter.compile(condition).filter();
        List<Integer> rows = new ArrayList<>();
        try (InspectedEvents in = InspectedEvents.open(capture)) {
            int row = 0;
            for (EventContext c; row < size && (c = in.next()) != null; row++) {
                if (filter.matches(c)) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
