package dev.saker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.FilterConditions;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's event-type index agrees with the loader's event-code count for every official rule. */
class EventTypesTest {
    @Test
    void indexAgreesWithTheLoadersEventCodesOnUpstreamRules() throws IOException {
        Path up = ConformanceCaptures.requireRoot().resolve("rules-upstream");
        int compared = 0;
        int approximate = 0;
        for (String set : List.of("falco-rules-1.0.1", "falco-0.31.1")) {
            RuleLoader loader = new RuleLoader(RenderedFields.registry(), new FilterConditions(), true);
            loader.loadAll(RulesSource.expand(List.of(up.resolve(set).resolve("falco_rules.yaml"))));
            for (CompiledRule r : loader.rules()) {
                if (r.filter() == null) {
                    continue;
                }
                BitSet codes = EventTypes.of(r.expandedCondition());
                assertThat(codes).as(r.name()).isNotNull();
                if (EventTypes.hasMacroReferences(r.expandedCondition())) {
                    assertThat(codes.cardinality()).as(r.name()).isGreaterThanOrEqualTo(r.eventCodeCount());
                    approximate++;
                } else {
                    assertThat(codes.cardinality()).as(r.name() + ": " + r.expandedCondition()).isEqualTo(r.eventCodeCount());
                    compared++;
                }
            }
        }
        System.out.println("event-type index: " + compared + " upstream rules without macro references agree exactly with"
                + " the loader's event-code count; " + approximate + " with macro references have a superset");
        assertThat(compared + approximate).isGreaterThan(20);
    }

    @Test
    void basicSets() {
        assertThat(EventTypes.of("evt.type=open").cardinality()).isGreaterThan(0);
        assertThat(EventTypes.all(EventTypes.of("proc.name=cat"))).isTrue();
        assertThat(EventTypes.all(EventTypes.of("not evt.type=open"))).isFalse();
        assertThat(EventTypes.of("evt.num=0").isEmpty()).isTrue();
    }
}
