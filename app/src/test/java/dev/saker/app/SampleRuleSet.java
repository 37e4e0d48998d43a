package dev.saker.app;

import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.FilterConditions;
import dev.saker.rules.LoadCode;
import dev.saker.rules.LoadProblem;
import dev.saker.rules.LoadResult;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The rule sets the sample captures are judged by, loaded as Falco (and `saker scan`) would load them.
 * The official one needs ../shared/conformance and skips the calling test without it.
 */
enum SampleRuleSet {
    /** falco-rules-5.1.0: stable, incubating and sandbox, in the order Falco loads them. */
    OFFICIAL("official"),
    /** Saker's bundled starter rules, what `saker scan CAPTURE` uses on a machine without Falco. */
    STARTER("starter"),
    /**
     * The custom rule of Falco's documentation as a Helm values file (customRules), loaded after the
     * stable rules as the chart does: its condition uses their spawned_process macro. Only the rules the
     * values file defines are judged.
     */
    CUSTOM("custom");

    static final Path VALUES = SampleCaptures.DIR.resolve("falco-values-curl.yaml");

    final String key;

    SampleRuleSet(String key) {
        this.key = key;
    }

    /** What loading gave: the compiled rules, the ones to judge, and the rules skipped for unknown fields. */
    record Loaded(List<CompiledRule> rules, Set<String> judged, Set<String> skipped) {
    }

    Loaded load() throws IOException {
        return switch (this) {
            case OFFICIAL -> loadTolerant(RulesSource.expand(officialFiles()), null);
            case STARTER -> loadTolerant(List.of(ScanCommand.starter()), null);
            case CUSTOM -> {
                List<RulesSource> sources = new ArrayList<>(RulesSource.expand(List.of(officialDir().resolve("falco_rules.yaml"))));
                List<RulesSource> values = RulesSource.expand(List.of(VALUES));
                sources.addAll(values);
                yield loadTolerant(sources, values);
            }
        };
    }

    static Path officialDir() {
        return ConformanceCaptures.requireRoot().resolve("rules-upstream").resolve("falco-rules-5.1.0");
    }

    static List<Path> officialFiles() {
        Path dir = officialDir();
        return List.of(dir.resolve("falco_rules.yaml"), dir.resolve("falco-incubating_rules.yaml"),
                dir.resolve("falco-sandbox_rules.yaml"));
    }

    /**
     * Loads with unknown fields downgraded to skipped rules (Saker's fields layer does not have every
     * field the official rules use yet; the skipped rules are part of the manifest). Any other load
     * problem is an error.
     */
    private static Loaded loadTolerant(List<RulesSource> sources, List<RulesSource> judgedFrom) {
        RuleLoader loader = new RuleLoader(RenderedFields.registry(), new FilterConditions(), true);
        List<LoadResult> results = loader.loadAll(sources);
        Set<String> skipped = new TreeSet<>();
        for (LoadResult r : results) {
            if (!r.errors().isEmpty()) {
                throw new AssertionError("rules did not load:\n" + r.asText(loader.contents()));
            }
            for (LoadProblem w : r.warnings()) {
                if (w.code() == LoadCode.LOAD_UNKNOWN_FILTER) {
                    skipped.add(w.item().itemName());
                }
            }
        }
        Set<String> judged = loader.rules().stream().map(CompiledRule::name).collect(Collectors.toCollection(TreeSet::new));
        if (judgedFrom != null) {
            Set<String> fromValues = new TreeSet<>();
            for (RulesSource s : judgedFrom) {
                // the values file alone does not compile (no spawned_process): its rule names come from its YAML
                Object items = new Yaml(new LoaderOptions()).load(s.content());
                if (items instanceof List<?> list) {
                    for (Object item : list) {
                        if (item instanceof Map<?, ?> m && m.get("rule") != null) {
                            fromValues.add(m.get("rule").toString());
                        }
                    }
                }
            }
            judged = fromValues;
        }
        return new Loaded(loader.rules(), judged, skipped);
    }
}
