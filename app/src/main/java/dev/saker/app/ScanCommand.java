package dev.saker.app;

import dev.saker.engine.Detection;
import dev.saker.engine.Engine;
import dev.saker.engine.RuleMatching;
import dev.saker.engine.Selection;
import dev.saker.format.FalcoAlerts;
import dev.saker.format.RenderedFields;
import dev.saker.rules.LoadResult;
import dev.saker.rules.Priority;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import dev.saker.rules.StarterRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `saker scan`: runs rules over a capture as Falco would and prints Falco's alerts on stdout, then a
 * per-rule and per-priority summary on stderr. Without -r it uses Falco's default rules paths when
 * present (/etc/falco/falco_rules.yaml, falco_rules.local.yaml, rules.d), else Saker's bundled
 * starter ruleset. Rules that fail to load print the load result and exit 1.
 */
@Command(name = "scan", description = {
        "Run Falco rules over a capture and print the alerts as Falco does (summary on stderr)."})
final class ScanCommand implements Callable<Integer> {
    static final int BAD_RULES = 1;
    static final int FAILED = 2;

    @Option(names = "-r", paramLabel = "RULES", description = "rules file or directory (repeatable; default: Falco's paths, else the starter ruleset)")
    List<Path> rules = new ArrayList<>();

    @Option(names = "-D", paramLabel = "RULE", description = "disable rules whose name contains RULE")
    List<String> disabled = new ArrayList<>();

    @Option(names = "-t", paramLabel = "TAG", description = "run only rules with one of these tags")
    List<String> onlyTags = new ArrayList<>();

    @Option(names = "-T", paramLabel = "TAG", description = "disable rules with this tag")
    List<String> disabledTags = new ArrayList<>();

    @Option(names = "--min-priority", paramLabel = "P", description = "skip rules less severe than P (default debug)")
    String minPriority = "debug";

    @Option(names = "--json", description = "one Falco JSON alert per line")
    boolean json;

    @Option(names = "--time-iso8601", description = "prefix alerts with evt.time.iso8601 (Falco's time_format_iso_8601)")
    boolean iso8601;

    @Option(names = "--rule-matching", paramLabel = "first|all", description = "Falco's rule_matching (default first)")
    String ruleMatching = "first";

    @Option(names = "--no-suggested-output", description = "print rule outputs as written, without the container"
            + " and Pod fields current Falco appends (append_output: suggested_output)")
    boolean noSuggestedOutput;

    @Option(names = "--raw-events", description = "evaluate every recorded event, old enter events included")
    boolean rawEvents;

    @Parameters(index = "0", paramLabel = "CAPTURE")
    Path capture;

    @Spec
    CommandSpec spec;

    static List<Path> falcoDefaultPaths() {
        List<Path> out = new ArrayList<>();
        for (String p : List.of("/etc/falco/falco_rules.yaml", "/etc/falco/falco_rules.local.yaml", "/etc/falco/rules.d")) {
            if (Files.exists(Path.of(p))) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    static RulesSource starter() throws IOException {
        return StarterRules.source();
    }

    /** The rules to run: the -r paths, else Falco's default paths when present, else the starter ruleset. */
    static List<RulesSource> rulesToRun(List<Path> given) throws IOException {
        List<Path> paths = given.isEmpty() ? falcoDefaultPaths() : given;
        return paths.isEmpty() ? List.of(starter()) : RulesSource.expand(paths);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Priority min = Priority.parse(minPriority).orElse(null);
            if (min == null) {
                err.println("saker: unknown priority: " + minPriority);
                return FAILED;
            }
            if (!onlyTags.isEmpty() && (!disabled.isEmpty() || !disabledTags.isEmpty())) {
                err.println("Error: You can not specify both disabled (-D/-T) and enabled (-t) rules");
                return FAILED;
            }
            RuleMatching matching;
            switch (ruleMatching.toLowerCase()) {
                case "first" -> matching = RuleMatching.FIRST;
                case "all" -> matching = RuleMatching.ALL;
                default -> {
                    err.println("saker: --rule-matching must be first or all");
                    return FAILED;
                }
            }
            List<RulesSource> sources = rulesToRun(rules);
            RuleLoader loader = new RuleLoader(RenderedFields.registry());
            List<LoadResult> results = loader.loadAll(sources);
            if (!results.stream().allMatch(LoadResult::successful)) {
                for (LoadResult r : results) {
                    err.println(r.asText(loader.contents()));
                }
                return BAD_RULES;
            }
            Selection selection = new Selection(disabled, Set.copyOf(disabledTags), Set.copyOf(onlyTags), min);
            Engine engine = new Engine(loader.rules(), selection, matching, rawEvents);
            FalcoAlerts alerts = noSuggestedOutput ? new FalcoAlerts(iso8601)
                    : FalcoAlerts.withSuggestedOutput(iso8601);
            String hostname = json ? FalcoAlerts.hostname() : null;
            Map<String, Long> perRule = new LinkedHashMap<>();
            Map<Priority, Long> perPriority = new EnumMap<>(Priority.class);
            long events = engine.scan(capture, alerts, d -> {
                out.println(json ? alerts.jsonLine(d, hostname) : alerts.textLine(d));
                perRule.merge(d.rule(), 1L, Long::sum);
                perPriority.merge(d.priority(), 1L, Long::sum);
            });
            long total = perRule.values().stream().mapToLong(Long::longValue).sum();
            out.flush();
            err.println("Events detected: " + total + " (" + events + " events read, "
                    + engine.running().size() + " rules running)");
            if (total > 0) {
                err.println("Triggered rules by severity:");
                perPriority.forEach((p, n) -> err.println("   " + p.text() + ": " + n));
                err.println("Triggered rules by rule name:");
                perRule.forEach((r, n) -> err.println("   " + r + ": " + n));
            }
            err.flush();
            return 0;
        } catch (IOException e) {
            out.flush();
            err.println("saker: " + UserErrorHandler.describe(e));
            err.flush();
            return FAILED;
        }
    }
}
