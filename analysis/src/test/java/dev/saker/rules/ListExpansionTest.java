package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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

    /**
     * The compiler skips lists whose name is not one of the condition's words; that must change
     * nothing against trying every list on the text in order (Falco's loop), including names with
     * delimiters, names inside other words, names with the same hash ("Aa", "BB"), and items that name
     * later or earlier lists.
     */
    @Test
    void skippingListsThatAreNotWordsOfTheTextGivesFalcosResult() {
        // (no empty name: the reader rejects one, and substitute would never finish on it)
        String[] names = {"a", "b", "ab", "b_c", "x.y", "a b", "(a)", "a,b", "=", "shells", "c", "Aa", "BB"};
        String[] pieces = {"a", "b", "ab", "b_c", "x.y", "shells", "c", "(", ")", ",", " ", "  ", "=", "in", "\n",
                "\t", "'", "\"", "a b", "\"a\"", "proc.name", "and", "not", "Aa", "BB"};
        Random rnd = new Random(20261128);
        for (int round = 0; round < 3000; round++) {
            Map<String, List<String>> lists = new LinkedHashMap<>();
            int nLists = 1 + rnd.nextInt(6);
            for (int i = 0; i < nLists; i++) {
                List<String> items = new ArrayList<>();
                int nItems = rnd.nextInt(4);
                for (int k = 0; k < nItems; k++) {
                    items.add(rnd.nextBoolean() ? names[rnd.nextInt(names.length)] : pieces[rnd.nextInt(pieces.length)]);
                }
                lists.put(names[rnd.nextInt(names.length)], items);
            }
            StringBuilder cnd = new StringBuilder();
            int nPieces = rnd.nextInt(12);
            for (int k = 0; k < nPieces; k++) {
                cnd.append(pieces[rnd.nextInt(pieces.length)]);
            }
            String text = cnd.toString();
            Set<String> usedSlow = new HashSet<>();
            String slow = text;
            for (Map.Entry<String, List<String>> l : lists.entrySet()) {
                String next = ListSubstitution.substitute(slow, l.getKey(), l.getValue());
                if (next != null) {
                    slow = next;
                    usedSlow.add(l.getKey());
                }
            }
            Set<String> used = new HashSet<>();
            assertThat(RuleCompiler.expandLists(text, lists, used)).as("%s with %s", text, lists).isEqualTo(slow);
            assertThat(used).as("%s with %s", text, lists).isEqualTo(usedSlow);
        }
    }
}
