package dev.saker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.filter.CompileResult;
import dev.saker.filter.ConditionText;
import dev.saker.filter.Expr;
import dev.saker.filter.Filter;
import dev.saker.filter.FilterCompiler;
import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.FilterConditions;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.SysdigOracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, done-means 3: for every rule of falco-rules-1.0.1 and falco-0.31.1 whose condition,
 * expanded to plain filter text ({@link CompiledRule#plainCondition()}: exceptions added, macros and
 * lists substituted), sysdig 0.29.3 compiles, and every conformance capture sysdig reads, the event
 * numbers Saker matches (raw events, all matches, every rule enabled, 2022 libs semantics: fields and
 * the filter compiler's reading of empty lists) are the event numbers sysdig prints with that filter.
 *
 * <p>Cost: sysdig is run once per rule to see whether it compiles the filter (on an empty capture),
 * then once per capture with one instance of a small chisel per rule (test resource rulematch.lua:
 * each instance has its own filter and prints "rule evt.num"), instead of one run per rule and
 * capture. The rules' distinct top-level conjuncts are compared the same way (evaluated as filters on
 * every event): the captures trigger few whole rules, but many of their parts. To make sure the chisel sees what {@code sysdig -r X -p %evt.num FILTER} prints, each
 * capture's runs are checked against a plain {@code -p '%evt.num' FILTER} run for the rule and the
 * conjunct with most matches there.
 */
class RulesSysdigDifferentialTest {
    @TempDir
    Path tmp;

    static final List<String> SETS = List.of("falco-rules-1.0.1", "falco-0.31.1");

    @Test
    void sakerMatchesTheEventsSysdigMatchesForEveryRuleSysdigCompiles() throws Exception {
        long t0 = System.nanoTime();
        Path root = ConformanceCaptures.requireRoot();
        Path empty = root.resolve("falco-legacy/trace_files/empty.scap");
        // both sets share most rules: each distinct condition is compared once, under every name it has
        Map<String, CompiledRule> byText = new LinkedHashMap<>();
        Map<String, List<String>> namesByText = new LinkedHashMap<>();
        Map<String, List<CompiledRule>> rulesBySet = new LinkedHashMap<>();
        for (String set : SETS) {
            RuleLoader loader = new RuleLoader(RenderedFields.registry());
            loader.loadAll(RulesSource.expand(List.of(root.resolve("rules-upstream").resolve(set).resolve("falco_rules.yaml"))));
            rulesBySet.put(set, loader.rules());
            for (CompiledRule r : loader.rules()) {
                String text = r.plainCondition(LibsEdition.SYSDIG_2022);
                byText.putIfAbsent(text, r);
                namesByText.computeIfAbsent(text, k -> new ArrayList<>()).add(set + " / " + r.name());
            }
        }
        Map<String, String> reasons = compileChecks(new ArrayList<>(byText.keySet()), empty);
        List<String> ruleTexts = new ArrayList<>();
        List<CompiledRule> compared = new ArrayList<>();
        for (Map.Entry<String, CompiledRule> e : byText.entrySet()) {
            if (reasons.get(e.getKey()) == null) {
                ruleTexts.add(e.getKey());
                compared.add(as2022(e.getValue()));
            }
        }
        long t1 = System.nanoTime();

        Path chisel = tmp.resolve("rulematch.lua");
        try (InputStream in = getClass().getResourceAsStream("rulematch.lua")) {
            Files.copy(in, chisel);
        }
        List<String> chiselArgs = chiselArgs(chisel, "rule", ruleTexts);
        Map<String, String> conjunctTexts = conjuncts(compared);
        List<String> conjuncts = new ArrayList<>(conjunctTexts.keySet());
        List<String> conjunctArgs = chiselArgs(chisel, "conjunct", conjuncts);
        List<Filter> conjunctFilters = new ArrayList<>();
        for (String c : conjunctTexts.values()) {
            CompileResult r = FilterCompiler.compile(c, "conjunct", RenderedFields.registry(), LibsEdition.SYSDIG_2022);
            assertThat(r.problems()).as(c).isEmpty();
            conjunctFilters.add(r.filter());
        }
        List<String> ruleNames = ruleTexts.stream().map(t -> String.join(", ", namesByText.get(t))).toList();

        List<String> mismatches = new ArrayList<>();
        List<Path> captures = captures(root);
        long ruleMatches = 0;
        long conjunctMatches = 0;
        long sysdigNs = 0;
        // sysdig's runs go to two threads while this one evaluates Saker's side
        record SysdigSide(Map<Integer, TreeSet<Long>> rules, Map<Integer, TreeSet<Long>> conjuncts, long ns) {
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<SysdigSide>> sides = new ArrayList<>();
        for (Path capture : captures) {
            sides.add(pool.submit(() -> {
                long s0 = System.nanoTime();
                TreeSet<Long> printed = numbers(SysdigOracle.print(capture, "-p", "%evt.num"));
                Map<Integer, TreeSet<Long>> r = sysdigMatches(capture, chiselArgs, printed);
                Map<Integer, TreeSet<Long>> c = sysdigMatches(capture, conjunctArgs, printed);
                crossCheck(capture, ruleTexts, r);
                crossCheck(capture, conjuncts, c);
                return new SysdigSide(r, c, System.nanoTime() - s0);
            }));
        }
        try {
            for (int i = 0; i < captures.size(); i++) {
                Path capture = captures.get(i);
                Map<Integer, TreeSet<Long>> actual = sakerMatches(capture, compared);
                Map<Integer, TreeSet<Long>> actualConjuncts = filterMatches(capture, conjunctFilters);
                SysdigSide side = sides.get(i).get();
                sysdigNs += side.ns();
                ruleMatches += compare(root.relativize(capture) + " | rule ", ruleNames, side.rules(), actual, mismatches);
                conjunctMatches += compare(root.relativize(capture) + " | conjunct ", conjuncts, side.conjuncts(),
                        actualConjuncts, mismatches);
            }
        } finally {
            pool.shutdown();
        }
        long t2 = System.nanoTime();

        for (String set : SETS) {
            List<CompiledRule> rules = rulesBySet.get(set);
            List<CompiledRule> skipped = rules.stream()
                    .filter(r -> reasons.get(r.plainCondition(LibsEdition.SYSDIG_2022)) != null).toList();
            System.out.println(set + ": compared " + (rules.size() - skipped.size()) + " of " + rules.size()
                    + " rules; skipped " + skipped.size() + " whose expanded condition sysdig 0.29.3 cannot compile:");
            skipped.forEach(r -> System.out.println("  skipped " + r.name() + ": "
                    + reasons.get(r.plainCondition(LibsEdition.SYSDIG_2022))));
        }
        System.out.printf("both sets: %d distinct conditions and %d distinct top-level conjuncts compared on %d captures;"
                        + " sysdig matched %d rule events and %d conjunct events; %.1f s compile checks, %.1f s comparing"
                        + " (sysdig runs %.1f s on 2 threads)%n", compared.size(), conjuncts.size(), captures.size(), ruleMatches,
                conjunctMatches, (t1 - t0) / 1e9, (t2 - t1) / 1e9, sysdigNs / 1e9);
        assertThat(mismatches).as("rules whose matches differ from sysdig's").isEmpty();
        assertThat(compared).as("rules compared").hasSizeGreaterThan(60);
    }

    /** Adds a line per filter whose matches differ; returns how many events sysdig matched in all. */
    private static long compare(String where, List<String> names, Map<Integer, TreeSet<Long>> expected,
                                Map<Integer, TreeSet<Long>> actual, List<String> mismatches) {
        long matched = 0;
        for (int i = 0; i < names.size(); i++) {
            TreeSet<Long> e = expected.getOrDefault(i, new TreeSet<>());
            TreeSet<Long> a = actual.getOrDefault(i, new TreeSet<>());
            matched += e.size();
            if (!e.equals(a)) {
                TreeSet<Long> missing = new TreeSet<>(e);
                missing.removeAll(a);
                TreeSet<Long> extra = new TreeSet<>(a);
                extra.removeAll(e);
                mismatches.add(where + names.get(i) + ": sysdig only " + head(missing) + ", saker only " + head(extra));
            }
        }
        return matched;
    }

    /** One chisel instance per filter: {@code -c rulematch.lua SPECFILE}, the spec holding id and filter. */
    private List<String> chiselArgs(Path chisel, String kind, List<String> filters) throws IOException {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            Path spec = tmp.resolve(kind + i + ".txt");
            Files.writeString(spec, i + "\n" + filters.get(i));
            args.add("-c");
            args.add(chisel.toString());
            args.add(spec.toString());
        }
        return args;
    }

    /**
     * The distinct top-level conjuncts of the rules' expanded conditions (the root itself when it is
     * not an and), each as sysdig 0.29.3's text (key) and current libs' text (value): each a filter of
     * its own, most matching far more events than whole rules do.
     */
    private static Map<String, String> conjuncts(List<CompiledRule> rules) {
        Map<String, String> out = new LinkedHashMap<>();
        for (CompiledRule r : rules) {
            Expr e = FilterConditions.exprOf(r.syntax());
            List<Expr> parts = e instanceof Expr.And a ? a.children() : List.of(e);
            for (Expr p : parts) {
                out.putIfAbsent(ConditionText.of(p, LibsEdition.SYSDIG_2022), ConditionText.of(p, LibsEdition.CURRENT));
            }
        }
        return out;
    }

    private static Map<Integer, TreeSet<Long>> filterMatches(Path capture, List<Filter> filters) throws IOException {
        Map<Integer, TreeSet<Long>> m = new LinkedHashMap<>();
        try (InspectedEvents in = InspectedEvents.open(capture, LibsEdition.SYSDIG_2022)) {
            for (EventContext c; (c = in.next()) != null; ) {
                for (int i = 0; i < filters.size(); i++) {
                    if (filters.get(i).matches(c)) {
                        m.computeIfAbsent(i, k -> new TreeSet<>()).add(c.num());
                    }
                }
            }
        }
        return m;
    }

    /** For each filter text, null when sysdig compiles it, else sysdig's error line. */
    private static Map<String, String> compileChecks(List<String> texts, Path empty) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<String>> out = new LinkedHashMap<>();
            for (String t : texts) {
                out.put(t, pool.submit(() -> {
                    SysdigOracle.Result res = SysdigOracle.run(empty, t);
                    return res.exitCode() == 0 ? null : res.stderr().strip().lines().reduce((a, b) -> b).orElse(
                            "exit code " + res.exitCode());
                }));
            }
            Map<String, String> reasons = new java.util.HashMap<>();
            for (Map.Entry<String, Future<String>> f : out.entrySet()) {
                reasons.put(f.getKey(), f.getValue().get());
            }
            return reasons;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Each filter's matches as the chisel reports them, kept to the events sysdig prints at all: a
     * chisel also sees events sysdig's printing loop drops (syscall.scap's first 178, for one), which
     * {@code -p %evt.num FILTER} never shows.
     */
    private static Map<Integer, TreeSet<Long>> sysdigMatches(Path capture, List<String> chiselArgs, TreeSet<Long> printed) {
        String out = SysdigOracle.print(capture, chiselArgs.toArray(String[]::new));
        Map<Integer, TreeSet<Long>> m = new LinkedHashMap<>();
        for (String l : out.split("\n")) {
            if (l.isBlank()) {
                continue;
            }
            String[] p = l.trim().split(" ");
            long num = Long.parseLong(p[1]);
            if (printed.contains(num)) {
                m.computeIfAbsent(Integer.parseInt(p[0]), k -> new TreeSet<>()).add(num);
            }
        }
        return m;
    }

    private static TreeSet<Long> numbers(String out) {
        TreeSet<Long> s = new TreeSet<>();
        out.lines().filter(l -> !l.isBlank()).forEach(l -> s.add(Long.parseLong(l.trim())));
        return s;
    }

    private static Map<Integer, TreeSet<Long>> sakerMatches(Path capture, List<CompiledRule> rules) throws IOException {
        Engine engine = new Engine(rules, Selection.DEFAULT, RuleMatching.ALL, true);
        Map<CompiledRule, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            index.put(rules.get(i), i);
        }
        Map<Integer, TreeSet<Long>> m = new LinkedHashMap<>();
        try (InspectedEvents in = InspectedEvents.open(capture, LibsEdition.SYSDIG_2022)) {
            for (EventContext c; (c = in.next()) != null; ) {
                for (CompiledRule r : engine.match(c)) {
                    m.computeIfAbsent(index.get(r), k -> new TreeSet<>()).add(c.num());
                }
            }
        }
        return m;
    }

    /** The chisel's matches for the busiest filter equal a plain {@code -p %evt.num FILTER} run's. */
    private static void crossCheck(Path capture, List<String> filters, Map<Integer, TreeSet<Long>> chisel) {
        int busiest = chisel.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> a.size() - b.size()))
                .map(Map.Entry::getKey).orElse(0);
        TreeSet<Long> plain = numbers(SysdigOracle.print(capture, "-p", "%evt.num", filters.get(busiest)));
        assertThat(plain).as("sysdig -p %evt.num for " + filters.get(busiest) + " on " + capture)
                .isEqualTo(chisel.getOrDefault(busiest, new TreeSet<>()));
    }

    /** Every conformance capture sysdig reads: captures/ and falco-legacy/trace_files. */
    private static List<Path> captures(Path root) throws IOException {
        List<Path> all = new ArrayList<>(ConformanceCaptures.captures());
        try (Stream<Path> s = Files.list(root.resolve("falco-legacy/trace_files"))) {
            s.filter(p -> p.toString().endsWith(".scap")).sorted().forEach(all::add);
        }
        // sysdig 0.29.3 stops on this one's first block ("Could not initialize reader")
        all.removeIf(p -> p.getFileName().toString().equals("curl_google_comments.scap"));
        return all;
    }

    /**
     * The rule enabled, its expanded tree compiled as sysdig 0.29.3's filter compiler reads it (it
     * differs from current libs on empty lists; see FilterCompiler).
     */
    private static CompiledRule as2022(CompiledRule r) {
        CompileResult c = FilterCompiler.compile(FilterConditions.exprOf(r.syntax()), RenderedFields.registry(),
                LibsEdition.SYSDIG_2022);
        assertThat(c.problems()).as("2022 reading of " + r.name() + ", which sysdig compiles").isEmpty();
        return new CompiledRule(r.name(), r.description(), r.condition(), r.conditionWithExceptions(),
                r.expandedCondition(), r.syntax(), c.filter(), r.output(), r.priority(), r.source(), r.tags(), true,
                r.capture(), r.captureDuration(), r.exceptionFields(), r.eventCodes(), r.locations());
    }

    private static String head(TreeSet<Long> s) {
        return s.size() <= 10 ? s.toString() : new ArrayList<>(s).subList(0, 10) + " ... (" + s.size() + ")";
    }
}
