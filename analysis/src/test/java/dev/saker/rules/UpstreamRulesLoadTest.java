package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.format.RenderedFields;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3, done-means 1: every official rules set loads without errors, every rule compiles, and the
 * warnings are exactly those in the golden file {@code upstream-warnings/SET.txt} (test resources;
 * its README says why Falco gives each kind). One line per warning, in the order of the load results:
 * the file of the item, code, item type, item name, line:column, message.
 *
 * <p>To rewrite the golden files after a deliberate change: {@code -Dsaker.updateGolden=true}, then
 * review the diff.
 */
class UpstreamRulesLoadTest {
    static final Map<String, Integer> RULES = Map.of("falco-rules-5.1.0", 97, "falco-rules-1.0.1", 80, "falco-0.31.1", 69);

    /** The files of a set in the order Falco's configuration loads them. */
    static List<Path> files(String set) {
        Path dir = ConformanceCaptures.requireRoot().resolve("rules-upstream").resolve(set);
        return set.equals("falco-rules-5.1.0")
                ? List.of(dir.resolve("falco_rules.yaml"), dir.resolve("falco-incubating_rules.yaml"),
                        dir.resolve("falco-sandbox_rules.yaml"), dir.resolve("falco-deprecated_rules.yaml"))
                : List.of(dir.resolve("falco_rules.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"falco-rules-5.1.0", "falco-rules-1.0.1", "falco-0.31.1"})
    void officialRulesLoadWithoutErrorsAndWithTheGoldenWarnings(String set) throws IOException {
        List<RulesSource> sources = RulesSource.expand(files(set));
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        List<LoadResult> results = loader.loadAll(sources);

        Map<String, Integer> counts = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (LoadResult r : results) {
            assertThat(r.errors()).as(r.name() + "\n" + r.asText(loader.contents())).isEmpty();
            assertThat(r.successful()).isTrue();
            for (LoadProblem w : r.warnings()) {
                counts.merge(w.code().name(), 1, Integer::sum);
                lines.add(line(r, w));
            }
        }
        System.out.println(set + ": " + sources.size() + " file(s), " + loader.rules().size() + " rules compiled, warnings "
                + counts);
        assertThat(loader.rules()).as("rules compiled").hasSize(RULES.get(set));
        assertThat(loader.rules()).as("every rule item of the set compiles").hasSize(ruleNames(sources));

        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("saker.updateGolden")) {
            Path out = Path.of("src/test/resources/dev/saker/rules/upstream-warnings", set + ".txt");
            Files.writeString(out, actual);
        }
        assertThat(actual).as("warnings, golden file upstream-warnings/" + set + ".txt").isEqualTo(golden(set));
    }

    private static String line(LoadResult r, LoadProblem w) {
        Location item = w.item();
        Position p = item.position();
        String file = Path.of(p == null || p.name() == null ? r.name() : p.name()).getFileName().toString();
        return file + "\t" + w.code() + "\t" + item.itemType() + "\t" + item.itemName() + "\t"
                + (p == null ? "" : p.line() + ":" + p.column()) + "\t" + w.message().replace('\n', ' ');
    }

    /** Distinct rule names over the set's files (a rule redefined or appended to is one rule). */
    private static int ruleNames(List<RulesSource> sources) throws IOException {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (RulesSource s : sources) {
            for (String l : s.content().split("\n")) {
                if (l.startsWith("- rule:")) {
                    names.add(l.substring("- rule:".length()).trim());
                }
            }
        }
        return names.size();
    }

    private static String golden(String set) throws IOException {
        try (InputStream in = UpstreamRulesLoadTest.class.getResourceAsStream("upstream-warnings/" + set + ".txt")) {
            assertThat(in).as("golden file upstream-warnings/" + set + ".txt").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
