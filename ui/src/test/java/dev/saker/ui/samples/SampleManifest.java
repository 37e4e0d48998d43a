package dev.saker.ui.samples;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The bundled sample captures (sample-captures/, in the repository) and what their manifest,
 * expected.yaml, says each rule set detects in them: the workbench tests take their counts from there,
 * the same file the app module's SampleCapturesTest checks `saker scan` against.
 */
final class SampleManifest {
    static final Path DIR = Path.of("../sample-captures").toAbsolutePath().normalize();

    /** One expected alert group: rule, priority, count and the proc.cmdline of each alert. */
    record Expected(String rule, String priority, int count, List<String> cmdlines, Map<String, Object> fields) {
    }

    private SampleManifest() {
    }

    static Path capture(String name) {
        return DIR.resolve(name);
    }

    /** The manifest's groups for one capture and rule set (official, starter or custom), in its order. */
    @SuppressWarnings("unchecked")
    static List<Expected> expected(String capture, String ruleSet) throws IOException {
        Map<String, Object> root;
        try (Reader r = Files.newBufferedReader(DIR.resolve("expected.yaml"), StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
        Map<String, Object> captures = (Map<String, Object>) root.get("captures");
        Map<String, Object> sets = (Map<String, Object>) captures.get(capture);
        if (sets == null || !sets.containsKey(ruleSet)) {
            throw new IllegalArgumentException("expected.yaml has no " + ruleSet + " entry for " + capture);
        }
        return ((List<Map<String, Object>>) sets.get(ruleSet)).stream()
                .map(m -> new Expected((String) m.get("rule"), (String) m.get("priority"), (Integer) m.get("count"),
                        (List<String>) m.get("proc.cmdline"), m))
                .toList();
    }
}
