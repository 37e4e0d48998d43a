package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.engine.Explanation;
import dev.saker.engine.RuleExplainer;
import dev.saker.format.RenderedFields;
import dev.saker.rules.FilterConditions;
import dev.saker.rules.RuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `saker explain`, and its recorded values checked against `saker read -p` (issue 3, done-means 4). */
class ExplainCommandTest {

    static Path legacy(String rel) {
        return ScanCommandTest.legacy(rel);
    }

    static String rules(Path dir) throws IOException {
        Path f = dir.resolve("etc.yaml");
        Files.writeString(f, """
                - rule: etc_open
                  desc: test rule
                  condition: evt.type in (open, openat) and fd.name startswith /etc
                  output: "%fd.name"
                  priority: WARNING
                """);
        return f.toString();
    }

    static Explanation firstMatch(String rulesFile, String rule, Path capture) throws IOException {
        FilterConditions language = new FilterConditions();
        RuleLoader loader = new RuleLoader(RenderedFields.registry(), language, true);
        loader.load(Files.readString(Path.of(rulesFile)), rulesFile);
        RuleExplainer ex = RuleExplainer.of(loader.rules().stream().filter(r -> r.name().equals(rule)).findFirst()
                .orElseThrow(), RenderedFields.registry(), language::sourceText);
        for (long n = 1; n < 100_000; n++) {
            Explanation x = ex.explain(capture, n);
            if (x != null && x.matched()) {
                return x;
            }
        }
        throw new AssertionError("no match");
    }

    @Test
    void explainsAMatchAndItsValuesAgreeWithRead(@TempDir Path dir) throws IOException {
        String rules = rules(dir);
        Path capture = legacy("trace_files/cat_write.scap");
        Explanation x = firstMatch(rules, "etc_open", capture);
        CliRun text = CliRun.of("explain", "--rule", "etc_open", "--event", Long.toString(x.eventNum()), "-r", rules,
                capture.toString());
        assertThat(text.exitCode()).as(text.stderr()).isZero();
        assertThat(text.stdout()).contains("matched: yes").contains("✓ and").contains("fd.name startswith /etc");
        CliRun json = CliRun.of("explain", "--rule", "etc_open", "--event", Long.toString(x.eventNum()), "-r", rules,
                "--json", capture.toString());
        assertThat(json.exitCode()).isZero();
        assertThat(json.stdout()).contains("\"matched\":true").contains("\"failed_conjuncts\":[]");
        int checked = 0;
        for (Explanation.Node n : x.nodes()) {
            if (!n.decisive() || !n.kind().equals("check")) {
                continue;
            }
            for (Map.Entry<String, String> v : n.values().entrySet()) {
                CliRun read = CliRun.of("read", "--as", "falco", "-p", "%" + v.getKey(), capture.toString(),
                        "evt.num=" + x.eventNum());
                assertThat(read.exitCode()).isZero();
                assertThat(read.stdout()).isEqualTo(v.getValue() + "\n");
                assertThat(text.stdout()).contains(v.getKey() + "=" + v.getValue());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(0);
    }

    @Test
    void unknownRuleOrEventExitsTwo(@TempDir Path dir) throws IOException {
        String rules = rules(dir);
        Path capture = legacy("trace_files/cat_write.scap");
        CliRun noRule = CliRun.of("explain", "--rule", "nope", "--event", "1", "-r", rules, capture.toString());
        assertThat(noRule.exitCode()).isEqualTo(2);
        assertThat(noRule.stderr()).contains("no rule named 'nope'");
        CliRun noEvent = CliRun.of("explain", "--rule", "etc_open", "--event", "99999999", "-r", rules,
                capture.toString());
        assertThat(noEvent.exitCode()).isEqualTo(2);
        assertThat(noEvent.stderr()).contains("no event number 99999999");
    }
}
