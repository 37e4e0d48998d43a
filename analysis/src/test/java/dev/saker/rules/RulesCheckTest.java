package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.format.RenderedFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesCheckTest {
    static final String GOOD = """
            - macro: spawned
              condition: evt.type in (execve, execveat)
            - rule: Curl
              desc: curl ran
              condition: >
                spawned
                and proc.name = curl
              output: "%proc.cmdline"
              priority: NOTICE
            """;

    static String marked(String text) {
        RulesCheck.Outcome o = RulesCheck.check(List.of(), "edited.yaml", text, RenderedFields.registry());
        assertThat(o.marks()).isNotEmpty();
        ProblemRange r = o.marks().get(0).range();
        return text.substring(r.start(), r.end());
    }

    @Test
    void aValidFileHasNoMarksAndCountsItsRules() {
        RulesCheck.Outcome o = RulesCheck.check(List.of(), "edited.yaml", GOOD, RenderedFields.registry());
        assertThat(o.marks()).isEmpty();
        assertThat(o.rules()).isEqualTo(1);
        assertThat(o.macros()).containsExactly("spawned");
    }

    @Test
    void anUnknownFieldOnTheSecondLineOfAFoldedConditionIsUnderlined() {
        String bad = GOOD.replace("proc.name = curl", "proc.nmae = curl");
        RulesCheck.Outcome o = RulesCheck.check(List.of(), "edited.yaml", bad, RenderedFields.registry());
        assertThat(o.marks()).hasSize(1);
        assertThat(o.marks().get(0).error()).isTrue();
        assertThat(o.marks().get(0).text()).contains("LOAD_ERR_COMPILE_CONDITION").contains("proc.nmae");
        assertThat(marked(bad)).isEqualTo("proc.nmae");
    }

    @Test
    void anUndefinedMacroIsUnderlinedWhereItIsUsed() {
        String bad = GOOD.replace("  spawned\n", "  spawnd\n");
        assertThat(marked(bad)).isEqualTo("spawnd");
    }

    @Test
    void aParseErrorInAPlainConditionPointsIntoIt() {
        String bad = GOOD.replace("evt.type in (execve, execveat)", "evt.type in (execve, execveat");
        RulesCheck.Outcome o = RulesCheck.check(List.of(), "edited.yaml", bad, RenderedFields.registry());
        assertThat(o.marks().get(0).error()).isTrue();
        ProblemRange r = o.marks().get(0).range();
        int line = bad.indexOf("evt.type in (execve");
        assertThat(r.start()).isBetween(line, bad.indexOf('\n', line));
    }

    @Test
    void anUnknownFieldInsideAMacroIsUnderlinedInTheMacro() {
        // the loader reports it in the rule's context, at an index into the macro's text
        String bad = GOOD.replace("evt.type in (execve, execveat)", "evt.type in (execve, execveat) and proc.nmae exists");
        assertThat(marked(bad)).isEqualTo("proc.nmae");
    }

    @Test
    void anUnusedMacroIsAWarningAtItsDefinition() {
        String text = GOOD + "- macro: never_used\n  condition: proc.name = x\n";
        RulesCheck.Outcome o = RulesCheck.check(List.of(), "edited.yaml", text, RenderedFields.registry());
        assertThat(o.marks()).singleElement().satisfies(m -> {
            assertThat(m.error()).isFalse();
            assertThat(m.text()).startsWith("Warning LOAD_UNUSED_MACRO");
            assertThat(text.substring(m.range().start(), m.range().end())).isEqualTo("macro: never_used");
        });
        assertThat(o.successful()).isTrue();
        assertThat(o.rules()).isEqualTo(1);
    }

    @Test
    void aBadPriorityPointsAtItsValue() {
        assertThat(marked(GOOD.replace("NOTICE", "LOUD"))).isEqualTo("LOUD");
    }

    @Test
    void yamlThatDoesNotParseStillGetsARange() {
        String bad = GOOD.replace("  desc: curl ran", "  desc: [curl ran");
        RulesCheck.Outcome o = RulesCheck.check(List.of(), "edited.yaml", bad, RenderedFields.registry());
        assertThat(o.marks()).isNotEmpty();
        ProblemRange r = o.marks().get(0).range();
        assertThat(r.end()).isGreaterThan(r.start()).isLessThanOrEqualTo(bad.length());
    }

    @Test
    void theEditedFileSeesTheOtherFilesMacros() {
        List<RulesSource> others = List.of(new RulesSource("base.yaml", "- macro: spawned\n  condition: evt.type = execve\n"));
        String edited = GOOD.substring(GOOD.indexOf("- rule"));
        RulesCheck.Outcome o = RulesCheck.check(others, "edited.yaml", edited, RenderedFields.registry());
        assertThat(o.marks()).isEmpty();
        assertThat(o.macros()).contains("spawned");
        assertThat(o.rules()).isEqualTo(1);
    }
}
