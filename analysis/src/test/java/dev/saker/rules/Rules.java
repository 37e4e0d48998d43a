package dev.saker.rules;

import dev.saker.format.RenderedFields;

/** Test helper: one loader over the rendered-field registry, loading inline YAML. */
final class Rules {
    final RuleLoader loader = new RuleLoader(RenderedFields.registry());

    LoadResult load(String yaml) {
        return loader.load(yaml, "rules.yaml");
    }

    CompiledRule rule(String name) {
        return loader.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    static LoadResult loadOne(String yaml) {
        return new Rules().load(yaml);
    }
}
