package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    static final Path LEGACY = Path.of("..", "..", "shared", "conformance", "falco-legacy").toAbsolutePath().normalize();

    static Path legacy(String rel) {
        Path p = LEGACY.resolve(rel);
        if (!Files.exists(p)) {
            p = Path.of("/work/shared/conformance/falco-legacy").resolve(rel);
        }
        Assumptions.assumeTrue(Files.exists(p), "conformance material missing");
        return p;
    }

    @Test
    void printsFalcoAlertsAndSummary() {
        // Falco's legacy expectations predate append_output, so the rule's output is compared as written
        CliRun r = CliRun.of("scan", "--no-suggested-output", "-r", legacy("rules/single_rule.yaml").toString(),
                legacy("trace_files/cat_write.scap").toString());
        assertThat(r.exitCode()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[0]).isEqualTo("16:17:57.881781397: Warning An open was seen (command=cat /dev/null)");
        assertThat(r.stderr()).contains("Events detected: 8").contains("open_from_cat: 8").contains("Warning: 8");
    }

    @Test
    void jsonAlertsAndIsoTime() {
        CliRun r = CliRun.of("scan", "--json", "--time-iso8601", "--no-suggested-output", "-r", legacy("rules/single_rule_with_tags.yaml").toString(),
                legacy("trace_files/cat_write.scap").toString());
        assertThat(r.exitCode()).isZero();
        String first = r.stdout().strip().split("\n")[0];
        assertThat(first).startsWith("{\"hostname\":")
                .contains("\"output\":\"2016-08-04T16:17:57.881781397+0000: Warning An open was seen (command=cat /dev/null)\"")
                .contains("\"output_fields\":{\"evt.time.iso8601\":1470327477881781397,\"proc.cmdline\":\"cat /dev/null\"}")
                .contains("\"priority\":\"Warning\",\"rule\":\"open_from_cat\",\"source\":\"syscall\"")
                .contains("\"tags\":[\"filesystem\",\"process\",\"testing\"],\"time\":\"2016-08-04T16:17:57.881781397Z\"}");
    }

    @Test
    void alertsCarryTheContainerAndPodFieldsFalcoSuggests() {
        // current Falco's default append_output: suggested_output adds the container plugin's fields
        CliRun r = CliRun.of("scan", SampleCaptures.DIR.resolve("tutorial.scap").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).endsWith(
                " container_id=67c3ee120817 container_name=nginx container_image_repository=docker.io/library/nginx"
                        + " container_image_tag=1.19 k8s_pod_name=nginx-7c5ddbdf54-q7rwm k8s_ns_name=default"));
    }

    @Test
    void disableByNameLeavesNoAlerts() {
        CliRun r = CliRun.of("scan", "-D", "open_from", "-r", legacy("rules/single_rule.yaml").toString(),
                legacy("trace_files/cat_write.scap").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("Events detected: 0");
    }

    @Test
    void badRulesPrintTheLoadResultAndFail() {
        CliRun r = CliRun.of("scan", "-r", legacy("rules/invalid_rule_output.yaml").toString(),
                legacy("trace_files/cat_write.scap").toString());
        assertThat(r.exitCode()).isEqualTo(ScanCommand.BAD_RULES);
        assertThat(r.stderr()).contains("LOAD_ERR");
    }

    @Test
    void starterRulesetLoadsAndRuns(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("starter.yaml");
        Files.writeString(rules, ScanCommand.starter().content());
        CliRun r = CliRun.of("scan", "-r", rules.toString(), legacy("trace_files/cat_write.scap").toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("9 rules running");
    }

    @Test
    void summaryCountsInTheSingularForOne() {
        CliRun r = CliRun.of("scan", "-r", legacy("rules/single_rule.yaml").toString(),
                legacy("trace_files/cat_write.scap").toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("events read, 1 rule running)");
    }

    @Test
    void enabledAndDisabledTogetherIsRejectedAsFalcoDoes() {
        CliRun r = CliRun.of("scan", "-T", "a", "-t", "a", "-r", legacy("rules/single_rule.yaml").toString(),
                legacy("trace_files/cat_write.scap").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("You can not specify both disabled (-D/-T) and enabled (-t) rules");
    }

    @Test
    void ruleMatchingAllAndMinPriority() {
        String rules = legacy("rules/catchall_order.yaml").toString();
        String cap = legacy("trace_files/cat_write.scap").toString();
        CliRun first = CliRun.of("scan", "-r", rules, cap);
        CliRun all = CliRun.of("scan", "--rule-matching", "all", "-r", rules, cap);
        assertThat(first.stderr()).contains("open_dev_null: 1");
        assertThat(all.stdout().lines().count()).isGreaterThan(first.stdout().lines().count());
        CliRun high = CliRun.of("scan", "--min-priority", "error", "-r", rules, cap);
        assertThat(high.stdout()).isEmpty();
    }
}
