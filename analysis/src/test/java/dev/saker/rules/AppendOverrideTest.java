package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Legacy append and override (append/replace per key) with Falco's semantics and errors. */
class AppendOverrideTest {
    private static final String BASE = """
            - macro: m
              condition: evt.type = open
            - rule: r
              desc: first
              condition: m
              output: "o %proc.name"
              priority: warning
              tags: [a]
            """;

    private static Rules base() {
        Rules rules = new Rules();
        assertThat(rules.load(BASE).errors()).isEmpty();
        return rules;
    }

    @Test
    void macroAppendConcatenatesWithOneSpaceAndNoParentheses() {
        Rules rules = base();
        LoadResult res = rules.loader.load("""
                - macro: m
                  condition: or evt.type = close
                  append: true
                """, "more.yaml");
        assertThat(res.errors()).isEmpty();
        assertThat(res.warnings()).extracting(LoadProblem::code).containsExactly(LoadCode.LOAD_DEPRECATED_ITEM);
        assertThat(rules.rule("r").eventCodeCount()).isEqualTo(4);
    }

    @Test
    void overrideAppendsConditionOutputDescAndUnionsTags() {
        Rules rules = base();
        LoadResult res = rules.loader.load("""
                - rule: r
                  condition: and proc.name = bash
                  desc: second
                  tags: [b]
                  override:
                    condition: append
                    desc: append
                    tags: append
                """, "more.yaml");
        assertThat(res.errors()).isEmpty();
        CompiledRule r = rules.rule("r");
        assertThat(r.condition()).isEqualTo("m and proc.name = bash");
        assertThat(r.description()).isEqualTo("first second");
        assertThat(r.tags()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void overrideReplacesPriorityAndEnabledButKeepsTheRulesPlace() {
        Rules rules = base();
        rules.loader.load("""
                - rule: other
                  desc: d
                  condition: evt.type = close
                  output: "o"
                  priority: info
                - rule: r
                  priority: CRITICAL
                  enabled: false
                  override:
                    priority: replace
                    enabled: replace
                """, "more.yaml");
        assertThat(rules.loader.rules()).extracting(CompiledRule::name).containsExactly("r", "other");
        assertThat(rules.rule("r").priority()).isEqualTo(Priority.CRITICAL);
        assertThat(rules.rule("r").enabled()).isFalse();
        assertThat(rules.rule("other").priority()).isEqualTo(Priority.INFORMATIONAL);
    }

    @Test
    void overrideAndAppendTogetherIsAYamlValidateError() {
        LoadResult res = base().loader.load("""
                - rule: r
                  condition: and proc.name = x
                  append: true
                  override:
                    condition: append
                """, "more.yaml");
        assertThat(res.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(LoadCode.LOAD_ERR_YAML_VALIDATE);
            assertThat(e.message()).startsWith("Keys 'override' and 'append: true' cannot be used together.");
        });
    }

    @Test
    void priorityCannotBeAppendedTo() {
        LoadResult res = base().loader.load("""
                - rule: r
                  priority: ERROR
                  override:
                    priority: append
                """, "more.yaml");
        LoadProblem e = res.errors().get(0);
        assertThat(e.message()).isEqualTo("Key 'priority' cannot be appended to, use 'replace' instead");
        Location at = e.context().innermost();
        assertThat(at.itemType()).isEqualTo(ItemType.OVERRIDE);
        assertThat(at.itemName()).isEqualTo("priority");
        assertThat(at.position()).isEqualTo(new Position("more.yaml", 3, 4, 44));
    }

    @Test
    void aKeyWithoutOverrideEntryIsUnexpected() {
        LoadResult res = base().loader.load("""
                - rule: r
                  desc: x
                  output: y
                  override:
                    desc: replace
                """, "more.yaml");
        assertThat(res.errors().get(0).message())
                .isEqualTo("Unexpected key 'output': no corresponding entry under 'override' is defined.");
    }

    @Test
    void appendingToAMissingRuleOrListIsAValidateError() {
        LoadResult rule = Rules.loadOne("""
                - rule: nope
                  condition: and x
                  override:
                    condition: append
                """);
        assertThat(rule.errors().get(0).message()).isEqualTo(RuleCollector.NO_PREVIOUS_RULE_APPEND);
        LoadResult list = Rules.loadOne("""
                - list: nope
                  items: [a]
                  append: true
                """);
        assertThat(list.errors().get(0).code()).isEqualTo(LoadCode.LOAD_ERR_VALIDATE);
        assertThat(list.errors().get(0).message()).isEqualTo(RuleCollector.NO_PREVIOUS_LIST);
        assertThat(list.errors().get(0).item().itemName()).isEqualTo("nope");
    }

    @Test
    void enableOnlyItemSetsEnabledOfAnEarlierRuleWithADeprecationWarning() {
        Rules rules = base();
        LoadResult res = rules.loader.load("""
                - rule: r
                  enabled: false
                """, "more.yaml");
        assertThat(res.warnings()).extracting(LoadProblem::message).contains(RulesFileReader.WARNING_ENABLED);
        assertThat(rules.rule("r").enabled()).isFalse();
    }

    @Test
    void aMacroSeesOnlyMacrosDefinedBeforeItUnlessRedefinedLater() {
        LoadResult res = Rules.loadOne("""
                - macro: a
                  condition: b
                - macro: b
                  condition: evt.type = open
                - rule: r
                  desc: d
                  condition: a
                  output: o
                  priority: info
                """);
        assertThat(res.errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("Undefined macro 'b' used in filter.");
            assertThat(e.item().itemName()).isEqualTo("a");
        });
    }
}
