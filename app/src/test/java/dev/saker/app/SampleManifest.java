package dev.saker.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * sample-captures/expected.yaml: per capture and rule set, the expected detections in order of first
 * alert, each as {rule, priority, count, key fields}. proc.cmdline lists every alert's command line;
 * the other key fields are one value when every alert has it (the usual case: one Pod), else a list.
 * The test compares the parsed manifest with the same structure built from a scan, and prints the
 * scan's version on a mismatch so a deliberate change can be reviewed and pasted in.
 */
final class SampleManifest {
    static final Path FILE = SampleCaptures.DIR.resolve("expected.yaml");

    private SampleManifest() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read() throws IOException {
        Object doc = new Yaml(new LoaderOptions()).load(Files.readString(FILE, StandardCharsets.UTF_8));
        if (!(doc instanceof Map<?, ?> m)) {
            throw new AssertionError(FILE + ": not a YAML mapping");
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> captures(Map<String, Object> manifest) {
        return (Map<String, Object>) manifest.get("captures");
    }

    /** The expected detections of one capture with one rule set ([] when none is listed). */
    @SuppressWarnings("unchecked")
    static List<Object> expected(Map<String, Object> manifest, String capture, SampleRuleSet set) {
        Map<String, Object> c = (Map<String, Object>) captures(manifest).get(capture);
        if (c == null) {
            throw new AssertionError(FILE + " has no entry for " + capture);
        }
        Object v = c.get(set.key);
        return v == null ? List.of() : (List<Object>) v;
    }

    static List<Object> entries(Map<String, SampleCaptures.RuleHits> hits) {
        List<Object> out = new ArrayList<>();
        for (SampleCaptures.RuleHits h : hits.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rule", h.rule());
            e.put("priority", h.priority().text());
            e.put("count", h.count());
            for (String field : SampleCaptures.KEY_FIELDS) {
                List<String> values = h.alerts().stream().map(a -> a.get(field)).toList();
                Set<String> distinct = new LinkedHashSet<>(values);
                e.put(field, field.equals("proc.cmdline") || distinct.size() != 1 ? values : values.get(0));
            }
            out.add(e);
        }
        return out;
    }

    static String dump(Object o) {
        DumperOptions opts = new DumperOptions();
        opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        opts.setWidth(200);
        return new Yaml(opts).dump(o);
    }
}
