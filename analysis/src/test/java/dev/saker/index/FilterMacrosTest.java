package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saker.rules.RulesSource;
import dev.saker.rules.StarterRules;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filter bar conditions naming the loaded rules' macros: checked, completed and run as the loader expands them. */
class FilterMacrosTest {

    private static FilterMacros starter() throws IOException {
        return new FilterMacros(List.of(StarterRules.source()));
    }

    @Test
    void aMacroOfTheRulesMakesAConditionValidAndCompletes() throws IOException {
        FilterMacros m = starter();
        assertThat(m.names()).contains("saker_spawned", "saker_opened", "saker_in_container");
        assertThat(FilterCheck.of("saker_spawned").status()).isEqualTo(FilterCheck.Status.INVALID);
        assertThat(FilterCheck.of("saker_spawned and proc.name=bash", m).status()).isEqualTo(FilterCheck.Status.VALID);
        FilterCheck bad = FilterCheck.of("saker_spawned and proc.nme=bash", m);
        assertThat(bad.status()).isEqualTo(FilterCheck.Status.INVALID);
        assertThat(bad.message()).contains("proc.nme");
        // typing is still incomplete, not invalid
        assertThat(FilterCheck.of("saker_spawned and", m).status()).isEqualTo(FilterCheck.Status.INCOMPLETE);
        FilterCheck.Completion c = FilterCheck.complete("evt.type=open and saker_sp", 26, f -> List.of(), m);
        assertThat(c.start()).isEqualTo(18);
        assertThat(c.candidates()).containsExactly("saker_spawned");
        assertThat(FilterCheck.complete("saker_", 6, f -> List.of(), FilterMacros.NONE).candidates()).isEmpty();
    }

    @Test
    void aMacroSelectsTheSameRowsAsItsBodyWritten() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/curl_google.scap"));
        FilterMacros m = starter();
        String body = starterMacroBody("saker_spawned");
        RowSet byMacro = RowFilter.run(index, RowQuery.ALL.withCondition("saker_spawned"), m, () -> false);
        RowSet byBody = RowFilter.run(index, RowQuery.ALL.withCondition(body), () -> false);
        assertThat(byMacro.size()).isPositive().isEqualTo(byBody.size());
        for (int i = 0; i < byBody.size(); i++) {
            assertThat(byMacro.row(i)).isEqualTo(byBody.row(i));
        }
        assertThatThrownBy(() -> RowFilter.run(index, RowQuery.ALL.withCondition("saker_spawned"), () -> false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String starterMacroBody(String name) throws IOException {
        List<String> lines = StarterRules.source().content().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("- macro: " + name)) {
                String c = lines.get(i + 1).strip();
                assertThat(c).startsWith("condition:");
                return c.substring("condition:".length()).strip();
            }
        }
        throw new AssertionError("no macro " + name + " in the starter rules");
    }
}
