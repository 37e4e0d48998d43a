package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists are substituted as text before parsing, with Falco's quoting and comma quirks. */
class ListExpansionTest {

    @Test
    void listNameIsReplacedByItsItemsWhereverItStandsAsAToken() {
        assertThat(ListSubstitution.substitute("proc.name in (shells)", "shells", List.of("bash", "sh")))
                .isEqualTo("proc.name in ( bash, sh )");
        assertThat(ListSubstitution.substitute("proc.name in (myshells)", "shells", List.of("bash"))).isNull();
    }

    @Test
    void itemsWithSpacesAreQuotedUnlessAlreadyQuoted() {
        assertThat(ListSubstitution.substitute("x in (l)", "l", List.of("a b", "\"c d\"", "e")))
                .isEqualTo("x in ( \"a b\", \"c d\", e )");
    }

    @Test
    void anEmptyListSwallowsOneNeighbouringComma() {
        assertThat(ListSubstitution.substitute("x in (a, empty, b)", "empty", List.of())).isEqualTo("x in (a  , b)");
    }

    @Test
    void listsOfListsExpandOneLevelUsingEarlierListsOnly() {
        Rules rules = new Rules();
        LoadResult res = rules.load("""
                - list: a
                  items: [x1, x2]
                - list: b
                  items: [a, y]
                - list: c
                  items: [later]
                - list: later
                  items: [z]
                - rule: r
                  desc: d
                  condition: evt.type = open and proc.name in (b) and proc.name in (c)
                  output: o
                  priority: info
                """);
        assertThat(res.errors()).isEmpty();
        assertThat(rules.rule("r").expandedCondition())
                .isEqualTo("evt.type = open and proc.name in ( x1, x2, y ) and proc.name in ( z )");
        // c could not see "later" (defined after it), so its item stays the word "later", which the
        // text pass then substitutes in the condition; a counts as used through b.
        assertThat(res.warnings()).isEmpty();
    }

    @Test
    void aListThatNeverExpandsStaysAnUnknownEventTypeAsInFalcosListLoopTest() {
        LoadResult res = Rules.loadOne("""
                - list: list_a
                  items: [open]
                - list: list_b
                  items: [list_a]
                - list: list_a
                  items: [list_b]
                - rule: r
                  desc: d
                  condition: evt.type in (list_a)
                  output: o
                  priority: info
                """);
        assertThat(res.errors().get(0).code()).isEqualTo(LoadCode.LOAD_ERR_COMPILE_CONDITION);
        assertThat(res.errors().get(0).message()).isEqualTo("unknown event type list_a");
    }
}
