package dev.saker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.FilterConditions;
import dev.saker.rules.RuleLoader;
import dev.saker.scap.EventSchema;
import dev.saker.scap.EventTypes;
import org.junit.jupiter.api.Test;

/** The engine's event-type index comes from the loader's event codes of each macro-expanded condition. */
class EventTypesTest {
    private static Engine engineFor(String rules) {
        RuleLoader loader = new RuleLoader(RenderedFields.registry(), new FilterConditions(), true);
        loader.load(rules, "rules.yaml");
        return new Engine(loader.rules());
    }

    @Test
    void aRuleIsTriedOnlyForTheEventTypesItsExpandedConditionNames() {
        Engine e = engineFor("""
                - macro: opened
                  condition: evt.type in (open, openat)
                - rule: r
                  desc: d
                  condition: opened and proc.name=cat
                  output: o
                  priority: WARNING
                """);
        assertThat(e.rulesFor(EventTypes.SYSCALL_OPENAT_2_X)).extracting(CompiledRule::name).containsExactly("r");
        assertThat(e.rulesFor(EventTypes.SYSCALL_EXECVE_19_X)).isEmpty();
    }

    @Test
    void aRuleWithoutEventTypeChecksIsTriedForEveryType() {
        Engine e = engineFor("""
                - rule: any
                  desc: d
                  condition: proc.name=cat
                  output: o
                  priority: WARNING
                """);
        for (int t = 0; t < EventSchema.current().size(); t++) {
            if (EventSchema.current().info(t) != null) {
                assertThat(e.rulesFor(t)).as("type %d", t).hasSize(1);
            }
        }
    }
}
