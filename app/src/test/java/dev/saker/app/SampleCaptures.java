package dev.saker.app;

import dev.saker.engine.Engine;
import dev.saker.engine.OutputRenderer;
import dev.saker.fields.BoundField;
import dev.saker.fields.FieldRegistry;
import dev.saker.format.FalcoAlerts;
import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.Priority;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans a sample capture with a rule set as `saker scan` does (Falco's default first-match, every
 * priority) and groups the detections by rule, with the key fields of each alert's event.
 */
final class SampleCaptures {
    /** sample-captures/, or -Dsaker.samples.dir (a re-recording to review, with a copy of the manifest). */
    static final Path DIR = Path.of(System.getProperty("saker.samples.dir", "../sample-captures")).toAbsolutePath().normalize();
    static final List<String> KEY_FIELDS = List.of("proc.cmdline", "container.id", "k8s.pod.name", "k8s.ns.name");

    private SampleCaptures() {
    }

    /** The alerts of one rule in one capture: count, priority, the key fields' values per alert. */
    record RuleHits(String rule, Priority priority, List<Map<String, String>> alerts) {
        int count() {
            return alerts.size();
        }
    }

    /** Detections of the judged rules, by rule in order of first alert. */
    static Map<String, RuleHits> scan(Path capture, List<CompiledRule> rules, Set<String> judged) throws IOException {
        FieldRegistry registry = RenderedFields.registry();
        List<BoundField> keys = KEY_FIELDS.stream().map(registry::resolve).toList();
        FalcoAlerts falco = new FalcoAlerts(false);
        Map<Long, Map<String, String>> keysByEvent = new LinkedHashMap<>();
        // The renderer sees the event in its state at match time, which is where key fields must be read.
        OutputRenderer withKeys = (rule, ctx) -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (BoundField f : keys) {
                values.put(f.text(), f.text(ctx));
            }
            keysByEvent.put(ctx.num(), values);
            return falco.render(rule, ctx);
        };
        Map<String, RuleHits> out = new LinkedHashMap<>();
        new Engine(rules).scan(capture, withKeys, d -> {
            if (judged.contains(d.rule())) {
                out.computeIfAbsent(d.rule(), r -> new RuleHits(r, d.priority(), new ArrayList<>()))
                        .alerts().add(keysByEvent.get(d.eventNumber()));
            }
        });
        return out;
    }
}
