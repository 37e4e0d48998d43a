package dev.saker.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.format.RenderedFields;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesTokenizerTest {
    static final String TEXT = """
            # my rules
            - list: shells
              items: [bash, "sh", 3]
            - macro: spawned
              condition: evt.type in (execve, execveat) and evt.rawres = 0
            - rule: Shell
              desc: a shell   # not a comment inside desc
              condition: >
                spawned and proc.name in (shells)
                and not proc.pname contains "sshd"
              output: shell %proc.name by %user.name
              priority: WARNING
            """;

    static String kindsOf(String text, RulesToken.Kind kind) {
        RulesTokenizer.Names n = RulesTokenizer.definedNames(text);
        var fields = RenderedFields.registry();
        List<RulesToken> ts = new RulesTokenizer(f -> fields.resolve(f) != null, n.macros(), n.lists()).tokens(text);
        StringBuilder b = new StringBuilder();
        for (RulesToken t : ts) {
            if (t.kind() == kind) {
                b.append(b.length() == 0 ? "" : "|").append(text, t.start(), t.end());
            }
        }
        return b.toString();
    }

    @Test
    void definedNamesAreTheMacroAndListLines() {
        RulesTokenizer.Names n = RulesTokenizer.definedNames(TEXT);
        assertThat(n.macros()).containsExactly("spawned");
        assertThat(n.lists()).containsExactly("shells");
    }

    @Test
    void keysAndItemNamesOfEveryItem() {
        assertThat(kindsOf(TEXT, RulesToken.Kind.KEY))
                .isEqualTo("list|items|macro|condition|rule|desc|condition|output|priority");
        assertThat(kindsOf(TEXT, RulesToken.Kind.ITEM_NAME)).isEqualTo("shells|spawned|Shell");
    }

    @Test
    void conditionTokensAcrossAFoldedBlock() {
        assertThat(kindsOf(TEXT, RulesToken.Kind.FIELD))
                .isEqualTo("evt.type|evt.rawres|proc.name|proc.pname|%proc.name|%user.name");
        assertThat(kindsOf(TEXT, RulesToken.Kind.OPERATOR)).isEqualTo("in|=|in|contains");
        assertThat(kindsOf(TEXT, RulesToken.Kind.KEYWORD)).isEqualTo("and|and|and|not");
        assertThat(kindsOf(TEXT, RulesToken.Kind.MACRO)).isEqualTo("spawned");
        assertThat(kindsOf(TEXT, RulesToken.Kind.LIST)).isEqualTo("shells");
        assertThat(kindsOf(TEXT, RulesToken.Kind.STRING)).isEqualTo("\"sh\"|\"sshd\"");
    }

    @Test
    void commentsOnlyWhereYamlHasThem() {
        assertThat(kindsOf(TEXT, RulesToken.Kind.COMMENT)).isEqualTo("# my rules");
        String t = "- list: a\n  items: [x] # trailing\n";
        assertThat(kindsOf(t, RulesToken.Kind.COMMENT)).isEqualTo("# trailing");
    }

    @Test
    void valuesAndNumbersOfItemsAndPriority() {
        assertThat(kindsOf(TEXT, RulesToken.Kind.VALUE)).isEqualTo("bash|execve|execveat|WARNING");
        assertThat(kindsOf(TEXT, RulesToken.Kind.NUMBER)).isEqualTo("3|0");
    }

    @Test
    void unknownDottedWordsAreValuesNotFields() {
        assertThat(kindsOf("- macro: m\n  condition: proc.nme = x\n", RulesToken.Kind.FIELD)).isEmpty();
    }

    @Test
    void tokensAreOrderedAndDisjointOnEveryPrefixOfTheText() {
        // a half-typed file must never make the tokenizer fail or produce overlapping spans
        var fields = RenderedFields.registry();
        RulesTokenizer tk = new RulesTokenizer(f -> fields.resolve(f) != null, Set.of("spawned"), Set.of("shells"));
        for (int n = 0; n <= TEXT.length(); n++) {
            String prefix = TEXT.substring(0, n);
            int last = 0;
            for (RulesToken t : tk.tokens(prefix)) {
                assertThat(t.start()).isGreaterThanOrEqualTo(last);
                assertThat(t.end()).isGreaterThan(t.start()).isLessThanOrEqualTo(n);
                last = t.end();
            }
        }
    }
}
