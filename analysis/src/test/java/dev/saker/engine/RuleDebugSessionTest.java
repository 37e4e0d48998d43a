package dev.saker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.filter.ConditionExplainer.Truth;
import dev.saker.format.RenderedFields;
import dev.saker.rules.RulesSource;
import dev.saker.scap.ConformanceCaptures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The debugger's session on curl_google.scap: curl opens libraries under /usr/lib and under /lib. */
class RuleDebugSessionTest {
    static final String RULES = """
            - macro: opened_file
              condition: evt.type in (open, openat) and evt.rawres >= 0
            - rule: Curl Loads Library From usr
              desc: curl opened a shared library under /usr/lib
              condition: opened_file and proc.name = curl and fd.name startswith /usr/lib
              output: "curl loaded %fd.name"
              priority: NOTICE
            """;

    @Test
    void matchesAndNearMissesInOnePassAgreeWithExplanations() throws Exception {
        Path capture = ConformanceCaptures.capture("libs/curl_google.scap");
        RuleDebugSession s = new RuleDebugSession(List.of(new RulesSource("r.yaml", RULES)), RenderedFields.registry());
        assertThat(s.loaded()).isTrue();
        assertThat(s.ruleNames()).containsExactly("Curl Loads Library From usr");
        RuleExplainer ex = s.explainer("Curl Loads Library From usr");
        RuleDebugSession.Scan scan = RuleDebugSession.scan(ex, capture, () -> false);
        // sysdig: curl opened 229 (libcurl-gnutls) first under /usr/lib; 219 is /etc/ld.so.cache, 247 is /lib
        assertThat(scan.matches()).contains(229L).doesNotContain(219L, 247L);
        assertThat(scan.nearMisses()).contains(219L, 247L);
        RuleDebugSession.Debugged hit = RuleDebugSession.explain(ex, capture, 229);
        assertThat(hit.applies()).isTrue();
        assertThat(hit.explanation().matched()).isTrue();
        RuleDebugSession.Debugged miss = RuleDebugSession.explain(ex, capture, 247);
        assertThat(miss.explanation().failedConjuncts()).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("fd.name startswith /usr/lib"));
        assertThat(RuleDebugSession.Scan.next(scan.matches(), 229)).isGreaterThan(229);
        assertThat(RuleDebugSession.Scan.previous(scan.matches(), 229)).isEqualTo(-1);
        assertThat(RuleDebugSession.Scan.next(scan.nearMisses(), 220)).isEqualTo(247);
    }

    @Test
    void macroBodiesAreNamedAfterTheirMacro() throws Exception {
        Path capture = ConformanceCaptures.capture("libs/curl_google.scap");
        RuleDebugSession s = new RuleDebugSession(List.of(new RulesSource("r.yaml", RULES)), RenderedFields.registry());
        RuleExplainer ex = s.explainer("Curl Loads Library From usr");
        Explanation x = RuleDebugSession.explain(ex, capture, 229).explanation();
        List<String> macros = x.nodes().stream().map(n -> s.macroOf(x, n)).filter(m -> m != null).toList();
        assertThat(macros).containsExactly("opened_file");
        Explanation.Node body = x.nodes().stream().filter(n -> "opened_file".equals(s.macroOf(x, n))).findFirst().orElseThrow();
        assertThat(body.text()).isEqualTo("evt.type in (open, openat) and evt.rawres >= 0");
        assertThat(body.truth()).isEqualTo(Truth.TRUE);
    }

    @Test
    void anEventStoppedOnlyByAnExceptionIsANearMiss() throws Exception {
        Path capture = ConformanceCaptures.capture("libs/curl_google.scap");
        String rules = RULES.replace("proc.name = curl and ", "") + """
                  exceptions:
                    - name: curl_is_fine
                      fields: [proc.name]
                      values:
                        - [curl]
                """;
        RuleDebugSession s = new RuleDebugSession(List.of(new RulesSource("r.yaml", rules)), RenderedFields.registry());
        assertThat(s.loaded()).isTrue();
        RuleExplainer ex = s.explainer("Curl Loads Library From usr");
        RuleDebugSession.Scan scan = RuleDebugSession.scan(ex, capture, () -> false);
        // every /usr/lib open in this capture is curl's: the exception removes them all
        assertThat(scan.matches()).isEmpty();
        assertThat(scan.nearMisses()).contains(229L);
        Explanation x = RuleDebugSession.explain(ex, capture, 229).explanation();
        assertThat(x.failedConjuncts()).singleElement().satisfies(c -> assertThat(c.exception()).isTrue());
    }

    @Test
    void anEventOfAnotherTypeIsNotTried() throws Exception {
        Path capture = ConformanceCaptures.capture("libs/curl_google.scap");
        RuleDebugSession s = new RuleDebugSession(List.of(new RulesSource("r.yaml", RULES)), RenderedFields.registry());
        RuleExplainer ex = s.explainer("Curl Loads Library From usr");
        assertThat(RuleDebugSession.explain(ex, capture, 212).applies()).isFalse();
        assertThat(RuleDebugSession.explain(ex, capture, 99_999_999)).isNull();
    }
}
