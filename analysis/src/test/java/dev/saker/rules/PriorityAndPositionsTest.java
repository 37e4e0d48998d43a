package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Priorities parse as Falco parses them; problems point at YAML positions (0-based) with a caret. */
class PriorityAndPositionsTest {

    @Test
    void prioritiesParseCaseInsensitivelyWithInfoAsInformational() {
        assertThat(Priority.parse("warning")).contains(Priority.WARNING);
        assertThat(Priority.parse("CRITICAL")).contains(Priority.CRITICAL);
        assertThat(Priority.parse("Info")).contains(Priority.INFORMATIONAL);
        assertThat(Priority.parse("informational")).contains(Priority.INFORMATIONAL);
        assertThat(Priority.parse("warn")).isEmpty();
        assertThat(Priority.INFORMATIONAL.text()).isEqualTo("Informational");
        assertThat(Priority.NOTICE.atLeast(Priority.WARNING)).isFalse();
    }

    @Test
    void anInvalidPriorityPointsAtThePriorityValue() {
        String yaml = """
                - rule: r
                  desc: d
                  condition: evt.type = open
                  output: o
                  priority: loud
                """;
        LoadResult res = Rules.loadOne(yaml);
        LoadProblem e = res.errors().get(0);
        assertThat(e.code()).isEqualTo(LoadCode.LOAD_ERR_YAML_VALIDATE);
        assertThat(e.message()).isEqualTo("Invalid priority");
        assertThat(e.context().innermost()).isEqualTo(
                new Location(ItemType.RULE_PRIORITY, "", new Position("rules.yaml", 4, 12, 73)));
        assertThat(Snippet.of(e.context(), Map.of("rules.yaml", yaml))).isEqualTo("  priority: loud\n            ^\n");
    }

    @Test
    void aConditionSyntaxErrorIsPlacedInsideTheConditionAfterItsYamlPosition() {
        String yaml = """
                - rule: r
                  desc: d
                  condition: evt.type = open and (proc.name = x
                  output: o
                  priority: info
                """;
        LoadResult res = Rules.loadOne(yaml);
        LoadProblem e = res.errors().get(0);
        assertThat(e.code()).isEqualTo(LoadCode.LOAD_ERR_COMPILE_CONDITION);
        assertThat(e.message()).isEqualTo("expected a ')' token");
        Location at = e.context().innermost();
        assertThat(at.itemType()).isEqualTo(ItemType.CONDITION_EXPRESSION);
        assertThat(at.position().name()).isEqualTo("\"evt.type = open a...\"");
        // parser position idx 34 / line 1 / col 35 (the end), added to the condition value's mark (2, 13, 33)
        assertThat(at.position()).isEqualTo(new Position("\"evt.type = open a...\"", 3, 48, 67));
        // a spot past the end is pulled back onto the last character, as Falco's snippet does
        assertThat(Snippet.of(e.context(), Map.of()))
                .isEqualTo("evt.type = open and (proc.name = x\n" + " ".repeat(33) + "^\n");
    }

    @Test
    void yamlSyntaxErrorsAreYamlParseErrorsAtTheirMark() {
        LoadResult res = Rules.loadOne("- rule: x\n  desc: [unclosed\n");
        assertThat(res.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo(LoadCode.LOAD_ERR_YAML_PARSE));
    }

    @Test
    void unknownTopLevelItemsAndKeysWarn() {
        LoadResult res = Rules.loadOne("""
                - foo: bar
                - list: l
                  items: []
                  colour: red
                """);
        assertThat(res.errors()).isEmpty();
        assertThat(res.warnings()).extracting(LoadProblem::code).containsExactly(LoadCode.LOAD_UNKNOWN_ITEM,
                LoadCode.LOAD_UNKNOWN_KEY, LoadCode.LOAD_UNUSED_LIST);
    }

    @Test
    void engineVersionsAreCheckedAsSemverOrOldIntegers() {
        assertThat(Rules.loadOne("- required_engine_version: 9\n").successful()).isTrue();
        assertThat(Rules.loadOne("- required_engine_version: 0.57.0\n").successful()).isTrue();
        LoadResult tooNew = Rules.loadOne("- required_engine_version: 0.99.0\n");
        assertThat(tooNew.errors().get(0).message())
                .isEqualTo("Rules require engine version 0.99.0, but engine version is 0.57.0");
    }

    @Test
    void aHelmValuesFileLoadsEachEmbeddedRulesFile() {
        var sources = RulesSource.helmCustomRules(new RulesSource("values.yaml", """
                customRules:
                  z-second.yaml: |-
                    - rule: r
                      enabled: false
                  a-first.yaml: |-
                    - rule: r
                      desc: d
                      condition: evt.type = open
                      output: o
                      priority: info
                """));
        assertThat(sources).extracting(RulesSource::name)
                .containsExactly("values.yaml:customRules/a-first.yaml", "values.yaml:customRules/z-second.yaml");
        Rules rules = new Rules();
        assertThat(rules.loader.loadAll(sources)).allMatch(LoadResult::successful);
        assertThat(rules.rule("r").enabled()).isFalse();
    }
}
