package dev.saker.bench;

import dev.saker.fields.LibsEdition;
import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.LoadResult;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints one rule's condition expanded to plain filter text (exceptions added, macros and lists
 * substituted) in the form sysdig 0.29.3 parses, for bench/scan-vs-sysdig.sh:
 * {@code java -cp ... dev.saker.bench.RuleCondition "RULE NAME" RULES.yaml...}. Exit status 2 when
 * the files do not load or have no such rule.
 */
public final class RuleCondition {
    private RuleCondition() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RuleCondition RULE_NAME RULES.yaml...");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        for (LoadResult r : loader.loadAll(RulesSource.expand(files))) {
            if (!r.successful()) {
                System.err.println(r.asText(loader.contents()));
                System.exit(2);
            }
        }
        for (CompiledRule r : loader.rules()) {
            if (r.name().equals(args[0])) {
                System.out.println(r.plainCondition(LibsEdition.SYSDIG_2022));
                return;
            }
        }
        System.err.println("no rule named '" + args[0] + "' in " + files);
        System.exit(2);
    }
}
