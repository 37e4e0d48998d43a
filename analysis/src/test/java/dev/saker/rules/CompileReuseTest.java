package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.FieldRegistry;
import dev.saker.filter.Expr;
import dev.saker.format.RenderedFields;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The compiler reuses, after each file, what it compiled for items whose inputs did not change
 * ({@link CompileMemo}). A loader that reuses nothing must give the very same load results (every
 * problem, in order, as text and JSON) and the very same rules (texts, expanded tree, compiled
 * filter, event codes, and for every node of the tree the text and macro its span points into).
 */
class CompileReuseTest {
    private static final FieldRegistry FIELDS = RenderedFields.registry();

    @Test
    void redefinitionsAppendsOverridesAndVisibilityAcrossFilesGiveWhatCompilingAgainGives() {
        List<RulesSource> files = List.of(new RulesSource("a.yaml", """
                - list: shells
                  items: [bash, sh]
                - list: tools
                  items: [curl, shells]
                - macro: spawned
                  condition: evt.type in (execve, execveat)
                - macro: shell_spawned
                  condition: spawned and proc.name in (shells)
                - macro: later_user
                  condition: proc.name = x
                - macro: tool_run
                  condition: spawned and proc.name in (tools)
                - rule: shell
                  desc: d
                  condition: shell_spawned and not proc.pname in (shells)
                  output: "shell %proc.name %container.info"
                  priority: warning
                - rule: tool
                  desc: d
                  condition: tool_run
                  output: "tool %proc.name"
                  priority: notice
                  exceptions:
                    - name: by_parent
                      fields: [proc.pname]
                      values: [[sshd]]
                - rule: same
                  desc: d
                  condition: tool_run
                  output: "tool %proc.name"
                  priority: notice
                """), new RulesSource("b.yaml", """
                - list: shells
                  items: [zsh]
                  append: true
                - macro: spawned
                  condition: or evt.type = clone
                  append: true
                - rule: tool
                  condition: and proc.aname[2] = sshd
                  override:
                    condition: append
                - rule: fresh
                  desc: d
                  condition: later_user and evt.type = open and fd.name = "<NA>"
                  output: "fresh %fd.name"
                  priority: error
                """), new RulesSource("c.yaml", """
                - macro: later_user
                  condition: proc.name = y
                  override:
                    condition: replace
                - macro: tool_run
                  condition: spawned and proc.name in (tools)
                - list: unused
                  items: []
                - rule: shell
                  enabled: false
                  override:
                    enabled: replace
                """), new RulesSource("d.yaml", """
                - rule: broken
                  desc: d
                  condition: undefined_macro and evt.type = open
                  output: o
                  priority: info
                """));
        assertSameAsCompilingAgain(files);
    }

    @Test
    void officialRulesetsGiveWhatCompilingAgainGives() throws IOException {
        for (String set : List.of("falco-rules-5.1.0", "falco-rules-1.0.1", "falco-0.31.1")) {
            assertSameAsCompilingAgain(RulesSource.expand(UpstreamRulesLoadTest.files(set)));
        }
    }

    /** Every multi-file (and single-file) rules load of Falco's regression suite, errors included. */
    @Test
    void falcoRegressionSuiteLoadsGiveWhatCompilingAgainGives() throws IOException {
        Path legacy = ConformanceCaptures.requireRoot().resolve("falco-legacy");
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(Files.readString(legacy.resolve("falco_tests.yaml"))));
        Set<List<String>> loads = new LinkedHashSet<>();
        for (NodeTuple t : YamlNodes.entries(YamlNodes.get(root, "trace_files"))) {
            for (String key : List.of("validate_rules_file", "rules_file")) {
                Node files = YamlNodes.get(t.getValueNode(), key);
                if (files != null) {
                    loads.add(YamlNodes.isSequence(files) ? YamlNodes.items(files).stream().map(YamlNodes::text).toList()
                            : List.of(YamlNodes.text(files)));
                }
            }
        }
        assertThat(loads).hasSizeGreaterThan(50);
        for (List<String> paths : loads) {
            assertSameAsCompilingAgain(RulesSource.expand(paths.stream().map(legacy::resolve).toList()));
        }
    }

    private static void assertSameAsCompilingAgain(List<RulesSource> files) {
        FilterConditions reusingLanguage = new FilterConditions();
        RuleLoader reusing = new RuleLoader(FIELDS, reusingLanguage, false);
        FilterConditions againLanguage = new FilterConditions();
        RuleLoader again = RuleLoader.reusingNothing(FIELDS, againLanguage);
        for (RulesSource f : files) {
            LoadResult a = reusing.load(f.content(), f.name());
            LoadResult b = again.load(f.content(), f.name());
            String what = f.name() + " of " + files.stream().map(RulesSource::name).toList();
            assertThat(a.asText(reusing.contents())).as(what).isEqualTo(b.asText(again.contents()));
            assertThat(JsonText.write(a.toJson(reusing.contents()))).as(what)
                    .isEqualTo(JsonText.write(b.toJson(again.contents())));
            assertThat(describe(reusing.rules(), reusingLanguage)).as(what)
                    .isEqualTo(describe(again.rules(), againLanguage));
        }
    }

    private static List<String> describe(List<CompiledRule> rules, FilterConditions language) {
        List<String> out = new ArrayList<>();
        for (CompiledRule r : rules) {
            out.add(String.join("\n", r.name(), r.description(), r.condition(), r.conditionWithExceptions(),
                    r.expandedCondition(), String.valueOf(r.plainCondition()), String.valueOf(r.filter()), r.output(),
                    r.priority().toString(), r.source(), new java.util.TreeSet<>(r.tags()).toString(),
                    r.enabled() + " " + r.capture() + " " + r.captureDuration(), r.exceptionFields().toString(),
                    String.valueOf(r.eventCodes()), r.locations().toString()));
            spans(FilterConditions.exprOf(r.syntax()), language, out);
        }
        return out;
    }

    /** What the explainer reads from each node: the text its span covers and the macro it came from. */
    private static void spans(Expr e, FilterConditions language, List<String> out) {
        String text = language.sourceText(e.span().source());
        out.add(text.substring(e.span().start(), e.span().end()) + " <- " + language.macroOfSource(e.span().source()));
        if (e instanceof Expr.And a) {
            a.children().forEach(c -> spans(c, language, out));
        } else if (e instanceof Expr.Or o) {
            o.children().forEach(c -> spans(c, language, out));
        } else if (e instanceof Expr.Not n) {
            spans(n.child(), language, out);
        }
    }
}
