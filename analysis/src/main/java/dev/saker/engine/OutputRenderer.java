package dev.saker.engine;

import dev.saker.fields.EventContext;
import dev.saker.rules.CompiledRule;
import java.util.Map;

/** Renders a matched rule's output for the event; the format layer supplies Falco's formatting. */
public interface OutputRenderer {
    record Rendered(String text, Map<String, Object> fields) {
    }

    Rendered render(CompiledRule rule, EventContext ctx);

    /** The rule's output text as written, with no substitution. */
    OutputRenderer VERBATIM = (rule, ctx) -> new Rendered(rule.output() == null ? "" : rule.output(), Map.of());
}
