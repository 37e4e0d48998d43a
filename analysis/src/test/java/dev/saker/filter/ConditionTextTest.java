package dev.saker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.LibsEdition;
import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expanded conditions printed as plain text read back as the same condition, and compile. */
class ConditionTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"falco-rules-5.1.0", "falco-rules-1.0.1", "falco-0.31.1"})
    void everyOfficialRuleReadsBackAsTheFilterItWasCompiledTo(String set) throws IOException {
        Path dir = ConformanceCaptures.requireRoot().resolve("rules-upstream").resolve(set);
        List<Path> files = set.equals("falco-rules-5.1.0")
                ? List.of(dir.resolve("falco_rules.yaml"), dir.resolve("falco-incubating_rules.yaml"),
                        dir.resolve("falco-sandbox_rules.yaml"), dir.resolve("falco-deprecated_rules.yaml"))
                : List.of(dir.resolve("falco_rules.yaml"));
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        loader.loadAll(RulesSource.expand(files));
        assertThat(loader.rules()).isNotEmpty();
        for (CompiledRule r : loader.rules()) {
            String text = r.plainCondition();
            CompileResult back = FilterCompiler.compile(text, "plain", RenderedFields.registry());
            assertThat(back.problems()).as(r.name() + ": " + text).isEmpty();
            // the printer writes every value in one canonical form: the tree read back prints the same
            // text as the rule's own tree, so both have the same structure, fields, operators and values
            assertThat(ConditionText.of(Condition.parse(text, "plain").expr())).as(r.name()).isEqualTo(text);
            assertThat(back.filter().toString().length()).as(r.name()).isPositive();
        }
    }

    @Test
    void valuesAreQuotedWhenABareWordWouldNotHoldThemAndFor2022BackslashesAndApostrophesToo() {
        Expr e = Condition.parse("proc.cmdline in (\"a b\", \"it's\", x\\y, \"q\\\"\", plain) and fd.name = \"\"", "t").expr();
        assertThat(ConditionText.of(e)).isEqualTo("(proc.cmdline in (\"a b\", \"it's\", x\\y, \"q\\\"\", plain) and fd.name = \"\")");
        assertThat(ConditionText.of(e, LibsEdition.SYSDIG_2022))
                .isEqualTo("(proc.cmdline in (\"a b\", \"it\\'s\", \"x\\\\y\", \"q\\\"\", plain) and fd.name = \"\")");
    }
}
