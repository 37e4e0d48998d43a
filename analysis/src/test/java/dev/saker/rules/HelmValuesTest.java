package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HelmValuesTest {
    static final String VALUES = """
            driver:
              kind: modern_ebpf
            customRules:
              a_rules.yaml: |-
                - macro: m
                  condition: evt.type = execve
              b_rules.yaml: "- list: l\\n  items: [x]\\n"
            falcosidekick:
              enabled: true
            """;

    @Test
    void entriesAreTheEmbeddedFilesInFileOrder() {
        List<HelmValues.Entry> es = HelmValues.entries(VALUES);
        assertThat(es).extracting(HelmValues.Entry::name).containsExactly("a_rules.yaml", "b_rules.yaml");
        assertThat(es.get(0).text()).isEqualTo("- macro: m\n  condition: evt.type = execve");
        assertThat(es.get(1).text()).isEqualTo("- list: l\n  items: [x]\n");
        assertThat(HelmValues.sources("v.yaml", VALUES)).extracting(RulesSource::name)
                .containsExactly("v.yaml:customRules/a_rules.yaml", "v.yaml:customRules/b_rules.yaml");
    }

    @Test
    void aRulesFileIsNotAValuesFile() {
        assertThat(HelmValues.entries("- macro: m\n  condition: evt.type = execve\n")).isEmpty();
        assertThat(HelmValues.entries("customRules: [\n")).isEmpty();
    }

    @Test
    void theRootIsJudgedAfterCommentsDirectivesTagsAndAnchors() {
        // entries() looks at the first parse events before composing: every way a mapping root can start
        assertThat(HelmValues.entries("# values\n%YAML 1.1\n--- !!map &v\ncustomRules:\n  a.yaml: x\n"))
                .extracting(HelmValues.Entry::name).containsExactly("a.yaml");
        assertThat(HelmValues.entries("{customRules: {a.yaml: x, b.yaml: y}}"))
                .extracting(HelmValues.Entry::name).containsExactly("a.yaml", "b.yaml");
        assertThat(HelmValues.entries("? customRules\n: {a.yaml: x}\n"))
                .extracting(HelmValues.Entry::name).containsExactly("a.yaml");
        // a sequence, scalar, alias or empty root, or a second document, is no values file
        assertThat(HelmValues.entries("- customRules:\n    a.yaml: x\n")).isEmpty();
        assertThat(HelmValues.entries("customRules")).isEmpty();
        assertThat(HelmValues.entries("*a\n")).isEmpty();
        assertThat(HelmValues.entries("")).isEmpty();
        assertThat(HelmValues.entries("# only a comment\n")).isEmpty();
        assertThat(HelmValues.entries("customRules:\n  a.yaml: x\n---\n- rule: r\n")).isEmpty();
    }

    @Test
    void replacingOneEntryKeepsEveryOtherLineAndReadsBack() {
        String edited = "- macro: m\n  condition: evt.type in (execve, execveat)\n\n- list: z\n  items: [y]\n";
        String out = HelmValues.replace(VALUES, "a_rules.yaml", edited);
        assertThat(HelmValues.entries(out)).extracting(HelmValues.Entry::text)
                .containsExactly(edited, "- list: l\n  items: [x]\n");
        assertThat(out).startsWith("driver:\n  kind: modern_ebpf\ncustomRules:\n  a_rules.yaml: |\n");
        assertThat(out).endsWith("  b_rules.yaml: \"- list: l\\n  items: [x]\\n\"\nfalcosidekick:\n  enabled: true\n");
        // a quoted one-line value becomes a block too, and the mapping after it stays intact
        String out2 = HelmValues.replace(out, "b_rules.yaml", "- list: l\n  items: [x, w]");
        assertThat(HelmValues.entries(out2)).extracting(HelmValues.Entry::text)
                .containsExactly(edited, "- list: l\n  items: [x, w]");
        assertThat(out2).endsWith("falcosidekick:\n  enabled: true\n");
    }

    @Test
    void replacingAMissingEntrySaysWhich() {
        assertThatThrownBy(() -> HelmValues.replace(VALUES, "c.yaml", "")).hasMessageContaining("c.yaml");
    }
}
