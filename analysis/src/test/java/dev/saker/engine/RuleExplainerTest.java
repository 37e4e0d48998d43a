package dev.saker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.filter.ConditionExplainer.Truth;
import dev.saker.format.FieldOutput;
import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.FilterConditions;
import dev.saker.rules.LoadResult;
import dev.saker.rules.RuleLoader;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Explanations on real captures (issue 3, done-means 4). */
class RuleExplainerTest {

    static final String RULES = """
            - list: etc_dirs
              items: [/etc]
            - macro: opening
              condition: evt.type in (open, openat, openat2)
            - rule: etc_open
              desc: test rule
              condition: opening and fd.name pmatch (etc_dirs) and proc.name exists
              output: "%fd.name"
              priority: WARNING
              exceptions:
                - name: not_ls
                  fields: [proc.name]
                  values:
                    - [ls]
            """;

    record Loaded(FilterConditions language, RuleLoader loader) {
        RuleExplainer explainer(String rule) {
            CompiledRule r = loader.rules().stream().filter(x -> x.name().equals(rule)).findFirst().orElseThrow();
            return RuleExplainer.of(r, RenderedFields.registry(), language::sourceText);
        }
    }

    static Loaded load(String text, String name) {
        FilterConditions language = new FilterConditions();
        RuleLoader loader = new RuleLoader(RenderedFields.registry(), language, true);
        LoadResult res = loader.load(text, name);
        assertTrue(res.successful(), () -> res.asText(loader.contents()));
        return new Loaded(language, loader);
    }

    static Path trace(String name) {
        return ConformanceCaptures.requireRoot().resolve("falco-legacy/trace_files").resolve(name);
    }

    /** What `saker read -p "%FIELD"` prints for the event (null when it prints nothing). */
    static String readP(Path capture, long num, String field) throws IOException {
        StringBuilder b = new StringBuilder();
        FieldOutput.text("%" + field).write(capture, LibsEdition.CURRENT, b, num, c -> c.num() == num);
        String s = b.toString();
        return s.isEmpty() ? null : s.substring(0, s.length() - 1);
    }

    static void checkMatches(RuleExplainer ex, Path capture) throws IOException {
        List<Explanation> matched = new ArrayList<>();
        int applicable = 0;
        try (InspectedEvents in = InspectedEvents.open(capture, LibsEdition.CURRENT)) {
            EventContext ctx;
            while ((ctx = in.next()) != null) {
                if (!ex.applies(ctx)) {
                    continue;
                }
                applicable++;
                Explanation x = ex.explain(ctx);
                assertEquals(ex.rule().filter().matches(ctx), x.matched(), "event " + ctx.num());
                assertEquals(x.matched(), x.root().truth() == Truth.TRUE);
                assertEquals(x.matched(), x.failedConjuncts().isEmpty(), "event " + ctx.num());
                if (x.matched() && matched.size() < 5) {
                    matched.add(x);
                }
            }
        }
        assertTrue(applicable > 0);
        assertFalse(matched.isEmpty(), "the rule matches some event of " + capture);
        for (Explanation x : matched) {
            assertTrue(x.root().decisive());
            int checked = 0;
            for (Explanation.Node n : x.nodes()) {
                if (!n.decisive() || !n.kind().equals("check")) {
                    continue;
                }
                boolean negated = false;
                for (int p = n.parent(); p >= 0; p = x.nodes().get(p).parent()) {
                    negated ^= x.nodes().get(p).kind().equals("not");
                }
                assertEquals(negated ? Truth.FALSE : Truth.TRUE, n.truth(), n.text());
                assertFalse(n.text().isBlank());
                for (Map.Entry<String, String> v : n.values().entrySet()) {
                    assertEquals(readP(capture, x.eventNum(), v.getKey()), v.getValue(),
                            "event " + x.eventNum() + " field " + v.getKey());
                    checked++;
                }
            }
            assertTrue(checked > 0);
            assertTrue(x.toJson().startsWith("{"));
            assertTrue(x.toText().contains("✓"));
        }
    }

    @Test
    void singleRuleMatchesAgreeWithRead() throws IOException {
        Path rules = ConformanceCaptures.requireRoot().resolve("falco-legacy/rules/single_rule.yaml");
        Loaded l = load(Files.readString(rules), rules.toString());
        RuleExplainer ex = l.explainer("open_from_cat");
        checkMatches(ex, trace("cat_write.scap"));
    }

    @Test
    void ruleWithMacroListAndExceptionMatchesAgreeWithRead() throws IOException {
        Loaded l = load(RULES, "test.yaml");
        RuleExplainer ex = l.explainer("etc_open");
        Path capture = trace("cat_write.scap");
        checkMatches(ex, capture);
        long first = ex.nearMisses(capture).get(0).eventNum();
        Explanation any = ex.explain(capture, first);
        assertNotNull(any);
        // the rule's own three conjuncts and the exception
        assertEquals(4, any.conjuncts().size(), any.toText());
        assertTrue(any.conjuncts().get(3).exception());
        assertFalse(any.conjuncts().get(0).exception());
        assertEquals("evt.type in (open, openat, openat2)", any.nodes().get(any.conjuncts().get(0).node()).text(),
                "the macro's conjunct points into the macro body");
    }

    @Test
    void nearMissesFailExactlyOneConjunct() throws IOException {
        Loaded l = load(RULES, "test.yaml");
        RuleExplainer ex = l.explainer("etc_open");
        Path capture = trace("cat_write.scap");
        List<RuleExplainer.NearMiss> misses = ex.nearMisses(capture);
        assertFalse(misses.isEmpty(), "open events outside /etc fail exactly the fd.name conjunct");
        for (RuleExplainer.NearMiss m : misses) {
            Explanation x = m.explanation();
            assertFalse(x.matched());
            long failed = x.conjuncts().stream().filter(c -> c.truth() != Truth.TRUE).count();
            assertEquals(1, failed, x.toText());
            assertEquals(m.failed(), x.failedConjuncts().get(0));
        }
    }
}
