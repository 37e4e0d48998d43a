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

    @Test
    void listsOfTheRulesCompleteInsideInBeforeTheCapturesValues() throws IOException {
        FilterMacros m = starter();
        assertThat(m.listNames()).contains("saker_shells", "saker_network_tools", "saker_package_managers")
                .doesNotContain("saker_spawned");
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/curl_google.scap"));
        CaptureValues values = new CaptureValues(index);
        String t = "evt.type=execve and proc.name in (";
        FilterCheck.Completion c = FilterCheck.complete(t, t.length(), values::of, m);
        assertThat(c.start()).isEqualTo(t.length());
        // every list first, then the process names of the capture
        assertThat(c.candidates()).startsWith(m.listNames().toArray(String[]::new)).contains("curl")
                .hasSize(m.listNames().size() + index.threadNames().size());
        // what the set holds already is not offered again
        String held = "evt.type=execve and proc.name in (saker_shells, curl, ";
        assertThat(FilterCheck.complete(held, held.length(), values::of, m).candidates())
                .doesNotContain("saker_shells", "curl").contains("saker_network_tools");
        String u = "proc.name in (curl, saker_sh";
        assertThat(FilterCheck.complete(u, u.length(), values::of, m).candidates()).containsExactly("saker_shells");
        // no list after = (a list is no single value), nor without rules
        assertThat(FilterCheck.complete("proc.name=", 10, values::of, m).candidates()).doesNotContain("saker_shells");
        assertThat(FilterCheck.complete(t, t.length(), values::of, FilterMacros.NONE).candidates())
                .doesNotContain("saker_shells").contains("curl");
    }

    @Test
    void aListNamedInAConditionSelectsTheRowsOfItsItems() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/curl_google.scap"));
        FilterMacros m = starter();
        String byList = "evt.type=execve and proc.name in (saker_network_tools)";
        assertThat(m.mentionsList(byList)).isTrue();
        assertThat(FilterCheck.of(byList, m).status()).isEqualTo(FilterCheck.Status.VALID);
        RowSet listed = RowFilter.run(index, RowQuery.ALL.withCondition(byList), m, () -> false);
        RowSet written = RowFilter.run(index, RowQuery.ALL.withCondition(
                "evt.type=execve and proc.name in (" + String.join(", ", starterListItems("saker_network_tools")) + ")"),
                () -> false);
        // curl's execve
        assertThat(written.size()).isPositive();
        assertThat(listed.size()).isEqualTo(written.size());
        for (int i = 0; i < written.size(); i++) {
            assertThat(listed.row(i)).isEqualTo(written.row(i));
        }
        // without the rules the name is a plain value: no process is called saker_network_tools
        assertThat(RowFilter.run(index, RowQuery.ALL.withCondition(byList), () -> false).size()).isZero();
        // a list mixed with values
        RowSet mixed = RowFilter.run(index, RowQuery.ALL.withCondition(
                "fd.name in (saker_sensitive_files, /etc/resolv.conf)"), m, () -> false);
        RowSet mixedWritten = RowFilter.run(index, RowQuery.ALL.withCondition("fd.name in ("
                + String.join(", ", starterListItems("saker_sensitive_files")) + ", /etc/resolv.conf)"), () -> false);
        assertThat(mixed.size()).isPositive().isEqualTo(mixedWritten.size());
    }

    private static List<String> starterListItems(String name) throws IOException {
        String text = StarterRules.source().content();
        int at = text.indexOf("- list: " + name + "\n");
        assertThat(at).as("list " + name).isNotNegative();
        String items = text.substring(text.indexOf('[', at) + 1, text.indexOf(']', at));
        return java.util.Arrays.stream(items.split(",")).map(String::strip).toList();
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
