package dev.saker.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Saker's bundled starter ruleset: what `saker scan` and the workbench run when no rules are given
 * and Falco's default rules are not installed. It lives with the engine so that every front end
 * (CLI, workbench, tests) reads the same file.
 */
public final class StarterRules {
    static final String RESOURCE = "dev/saker/rules/starter_rules.yaml";
    public static final String NAME = "saker-starter-rules.yaml";

    private StarterRules() {
    }

    public static RulesSource source() throws IOException {
        try (InputStream in = StarterRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("starter ruleset missing: " + RESOURCE);
            }
            return new RulesSource(NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
