package dev.saker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.scap.ConformanceCaptures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionExplainerTest {
    private static final String CONDITION =
            "proc.name = curl and (fd.name contains /etc or not fd.name exists) and not evt.type in (brk, mmap)";

    @Test
    void rootValueIsTheFiltersVerdictOnEveryEventOfACapture() throws Exception {
        FieldRegistry registry = FieldRegistry.standard();
        Expr expr = Condition.parse(CONDITION, "test").expr();
        Filter filter = FilterCompiler.compile(expr, registry).filter();
        ConditionExplainer explainer = ConditionExplainer.of(expr, registry);
        int matched = 0;
        int missing = 0;
        try (InspectedEvents events = InspectedEvents.open(ConformanceCaptures.capture("libs/curl_google.scap"),
                LibsEdition.CURRENT)) {
            for (EventContext c; (c = events.next()) != null; ) {
                List<ConditionExplainer.NodeValue> nodes = explainer.explain(c);
                assertThat(nodes.get(0).node()).isSameAs(expr);
                assertThat(nodes.get(0).isTrue()).as("event %d", c.num()).isEqualTo(filter.matches(c));
                matched += nodes.get(0).isTrue() ? 1 : 0;
                for (ConditionExplainer.NodeValue n : nodes) {
                    if (n.truth() == ConditionExplainer.Truth.MISSING) {
                        missing++;
                        assertThat(n.values()).containsValue(null);
                    }
                }
            }
        }
        assertThat(matched).isPositive();
        assertThat(missing).isPositive();
    }

    @Test
    void checksReportTheValuesTheyRead() throws Exception {
        FieldRegistry registry = FieldRegistry.standard();
        Expr expr = Condition.parse("proc.name = curl and proc.pname = val(proc.name)", "test").expr();
        ConditionExplainer explainer = ConditionExplainer.of(expr, registry);
        try (InspectedEvents events = InspectedEvents.open(ConformanceCaptures.capture("libs/curl_google.scap"),
                LibsEdition.CURRENT)) {
            EventContext c;
            while ((c = events.next()) != null && c.num() < 211) {
                // skip to event 211, curl's execve exit (see ProcAndUserFieldsTest)
            }
            List<ConditionExplainer.NodeValue> nodes = explainer.explain(c);
            assertThat(nodes).hasSize(3);
            assertThat(nodes.get(1).truth()).isEqualTo(ConditionExplainer.Truth.TRUE);
            assertThat(nodes.get(1).values()).containsEntry("proc.name", "curl");
            assertThat(nodes.get(2).truth()).isEqualTo(ConditionExplainer.Truth.FALSE);
            assertThat(nodes.get(2).values()).containsEntry("proc.pname", "bash").containsEntry("proc.name", "curl");
            assertThat(nodes.get(0).truth()).isEqualTo(ConditionExplainer.Truth.FALSE);
        }
    }

    @Test
    void unexpandedMacrosCannotBeExplained() {
        assertThat(ConditionExplainer.of(Condition.parse("a and proc.name = x", "t").expr(), FieldRegistry.standard()))
                .isNull();
    }
}
