package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warnings Falco's filter_warning_resolver and event-code check give for a rule condition. */
class ConditionWarningsTest {
    private static LoadResult rule(String condition) {
        return Rules.loadOne("""
                - rule: r
                  desc: d
                  condition: %s
                  output: o
                  priority: info
                """.formatted(condition));
    }

    @Test
    void evtDirIsADeprecatedFieldPointedAtTheConditionStart() {
        LoadResult res = rule("evt.type = open and evt.dir = <");
        assertThat(res.errors()).isEmpty();
        LoadProblem w = res.warnings().get(0);
        assertThat(w.code()).isEqualTo(LoadCode.LOAD_DEPRECATED_ITEM);
        assertThat(w.deprecatedField()).isEqualTo("evt.dir");
        assertThat(w.context().innermost().itemType()).isEqualTo(ItemType.CONDITION_EXPRESSION);
        assertThat(w.context().innermost().position()).isEqualTo(new Position("\"evt.type = open a...\"", 2, 13, 33));
    }

    @Test
    void aConditionWithoutEventTypeMatchesTooManyTypes() {
        assertThat(rule("proc.name = bash").warnings()).extracting(LoadProblem::code)
                .containsExactly(LoadCode.LOAD_NO_EVTTYPE);
        assertThat(rule("evt.type != open").warnings()).extracting(LoadProblem::code)
                .containsExactly(LoadCode.LOAD_NO_EVTTYPE);
        assertThat(rule("not (evt.type = open and proc.name = bash)").warnings()).extracting(LoadProblem::code)
                .containsExactly(LoadCode.LOAD_NO_EVTTYPE);
    }

    @Test
    void eventTypeRestrictedAndNeverTrueConditionsDoNotWarn() {
        assertThat(rule("evt.type in (open, openat) and not proc.name = bash").warnings()).isEmpty();
        assertThat(rule("evt.num = 0").warnings()).isEmpty();
    }

    @Test
    void anUnknownFieldIsACompileErrorUnlessTheRuleSkipsUnknownFilters() {
        LoadResult strict = rule("evt.type = open and proc.nobody = x");
        assertThat(strict.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(LoadCode.LOAD_ERR_COMPILE_CONDITION);
            assertThat(e.message()).isEqualTo("filter_check called with nonexistent field proc.nobody");
        });
        LoadResult skip = Rules.loadOne("""
                - rule: r
                  desc: d
                  condition: evt.type = open and proc.nobody = x
                  output: o
                  priority: info
                  skip-if-unknown-filter: true
                """);
        assertThat(skip.successful()).isTrue();
        assertThat(skip.warnings()).extracting(LoadProblem::code).containsExactly(LoadCode.LOAD_UNKNOWN_FILTER);
    }

    @Test
    void constantValuesThatLookLikeFieldsOrPlainRegexesWarn() {
        LoadResult field = rule("evt.type = open and proc.name = proc.pname");
        assertThat(field.warnings()).extracting(LoadProblem::message)
                .containsExactly("'proc.pname' may be a valid field misused as a const string value");
        assertThat(field.warnings().get(0).code()).isEqualTo(LoadCode.LOAD_COMPILE_CONDITION);
        LoadResult regex = rule("evt.type = open and proc.name regex '.*bash'");
        assertThat(regex.warnings()).extracting(LoadProblem::message).containsExactly("regex check with '.*bash' may be"
                + " optimized with simpler operators such as '=', 'contains', 'startswith', 'endswith'");
        assertThat(rule("evt.type = open and proc.name regex 'ba(sh|zsh)'").warnings()).isEmpty();
    }
}
