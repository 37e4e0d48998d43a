package dev.saker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.format.FalcoAlerts;
import dev.saker.format.RenderedFields;
import dev.saker.rules.LoadResult;
import dev.saker.rules.Priority;
import dev.saker.rules.RuleLoader;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EngineTest {
    static final String RULES = """
            - rule: open_from_cat
              desc: cat opens
              condition: evt.type=open and proc.name=cat
              output: "An open was seen (command=%proc.cmdline)"
              priority: WARNING
              tags: [filesystem, process]
            - rule: any_cat
              desc: anything by cat
              condition: proc.name=cat
              output: "cat did %evt.type"
              priority: INFO
              tags: [process]
            - rule: disabled_one
              desc: never runs
              condition: proc.name=cat
              output: x
              priority: ERROR
              enabled: false
            """;

    static Path catWrite() {
        return ConformanceCaptures.requireRoot().resolve("falco-legacy/trace_files/cat_write.scap");
    }

    static List<Detection> scan(Selection sel, RuleMatching m) throws IOException {
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        LoadResult res = loader.load(RULES, "rules.yaml");
        assertThat(res.successful()).isTrue();
        Engine engine = new Engine(loader.rules(), sel, m, false);
        List<Detection> out = new ArrayList<>();
        engine.scan(catWrite(), new FalcoAlerts(true), out::add);
        return out;
    }

    static long count(List<Detection> d, String rule) {
        return d.stream().filter(x -> x.rule().equals(rule)).count();
    }

    @Test
    void firstMatchGivesOneAlertPerEventInLoadOrder() throws IOException {
        List<Detection> d = scan(Selection.DEFAULT, RuleMatching.FIRST);
        assertThat(count(d, "open_from_cat")).isEqualTo(8);
        assertThat(count(d, "any_cat")).isGreaterThan(0);
        assertThat(count(d, "disabled_one")).isZero();
        assertThat(d.stream().map(Detection::eventNumber).distinct().count()).isEqualTo(d.size());
    }

    @Test
    void allMatchesReportsEveryRule() throws IOException {
        List<Detection> first = scan(Selection.DEFAULT, RuleMatching.FIRST);
        List<Detection> all = scan(Selection.DEFAULT, RuleMatching.ALL);
        assertThat(count(all, "open_from_cat")).isEqualTo(8);
        assertThat(count(all, "any_cat")).isEqualTo(count(first, "any_cat") + 8);
    }

    @Test
    void disableByNameAndTagsAndPriority() throws IOException {
        List<Detection> d = scan(new Selection(List.of("from_cat"), Set.of(), Set.of(), Priority.DEBUG), RuleMatching.FIRST);
        assertThat(count(d, "open_from_cat")).isZero();
        d = scan(new Selection(List.of(), Set.of("filesystem"), Set.of(), Priority.DEBUG), RuleMatching.FIRST);
        assertThat(d).extracting(Detection::rule).containsOnly("any_cat");
        d = scan(new Selection(List.of(), Set.of(), Set.of("filesystem"), Priority.DEBUG), RuleMatching.FIRST);
        assertThat(d).extracting(Detection::rule).containsOnly("open_from_cat");
        d = scan(new Selection(List.of(), Set.of(), Set.of(), Priority.WARNING), RuleMatching.FIRST);
        assertThat(d).extracting(Detection::rule).containsOnly("open_from_cat");
    }

    @Test
    void alertsMatchFalcosExpectedOutputFiles() throws IOException {
        Path legacy = ConformanceCaptures.requireRoot().resolve("falco-legacy");
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        assertThat(loader.load(Files.readString(legacy.resolve("rules/single_rule_with_tags.yaml")), "r.yaml").successful()).isTrue();
        Engine engine = new Engine(loader.rules());
        FalcoAlerts alerts = new FalcoAlerts(true);
        List<Detection> d = new ArrayList<>();
        engine.scan(catWrite(), alerts, d::add);
        List<String> text = d.stream().map(alerts::textLine).toList();
        List<String> expected = Files.readAllLines(legacy.resolve("output_files/single_rule_with_cat_write.txt"))
                .stream().filter(l -> !l.isBlank()).toList();
        assertThat(text).containsExactlyElementsOf(expected);
        List<String> json = d.stream().map(x -> alerts.jsonLine(x, "test-falco-hostname")).toList();
        List<String> expectedJson = Files.readAllLines(legacy.resolve("output_files/single_rule_with_cat_write.json"))
                .stream().filter(l -> !l.isBlank()).map(EngineTest::normalize).toList();
        assertThat(json.stream().map(EngineTest::normalize).toList()).containsExactlyElementsOf(expectedJson);
    }

    /** Key order is not significant (Falco's golden test compares JSON for equality): sort the top-level keys. */
    static String normalize(String json) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> m = new org.yaml.snakeyaml.Yaml().load(json);
        return new java.util.TreeMap<>(m).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }
}
