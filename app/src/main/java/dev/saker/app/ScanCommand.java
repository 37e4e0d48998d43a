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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * `saker scan`: runs rules over a capture as Falco would and prints Falco's alerts on stdout, then a
 * per-rule and per-priority summary on stderr. Without -r it uses Falco's default rules paths when
 * present (/etc/falco/falco_rules.yaml, falco_rules.local.yaml, rules.d), else Saker's bundled
 * starter ruleset. Rules that fail to load print the load result and exit 1.
 */
final class ScanCommand implements Callable<Integer> {
    static final int BAD_RULES = 1;
    static final int FAILED = 2;

    static final String RULES_DESCRIPTION =
            "rules file or directory (repeatable; default: Falco's paths, else the starter ruleset)";

    private CommandSpec spec;

    /** The options and parameters (picocli's programmatic API; Saker says why not its annotations). */
    static CommandSpec spec() {
        ScanCommand command = new ScanCommand();
        CommandSpec spec = command.spec = CommandSpec.wrapWithoutInspection(command).name("scan");
        spec.usageMessage().description(
                "Run Falco rules over a capture and print the alerts as Falco does (summary on stderr).");
        spec.addOption(repeatable("-r", "RULES", Path.class, RULES_DESCRIPTION));
        spec.addOption(repeatable("-D", "RULE", String.class, "disable rules whose name contains RULE"));
        spec.addOption(repeatable("-t", "TAG", String.class, "run only rules with one of these tags"));
        spec.addOption(repeatable("-T", "TAG", String.class, "disable rules with this tag"));
        spec.addOption(OptionSpec.builder("--min-priority").paramLabel("P").type(String.class)
                .description("skip rules less severe than P (default debug)").build());
        spec.addOption(OptionSpec.builder("--json").description("one Falco JSON alert per line").build());
        spec.addOption(OptionSpec.builder("--time-iso8601")
                .description("prefix alerts with evt.time.iso8601 (Falco's time_format_iso_8601)").build());
        spec.addOption(OptionSpec.builder("--rule-matching").paramLabel("first|all").type(String.class)
                .description("Falco's rule_matching (default first)").build());
        spec.addOption(OptionSpec.builder("--no-suggested-output").description("print rule outputs as written, "
                + "without the container and Pod fields current Falco appends (append_output: suggested_output)")
                .build());
        spec.addOption(OptionSpec.builder("--raw-events")
                .description("evaluate every recorded event, old enter events included").build());
        spec.addPositional(PositionalParamSpec.builder().index("0").required(true).paramLabel("CAPTURE")
                .type(Path.class).build());
        return spec;
    }

    /** An option that may be given several times, each value added to a list. */
    static OptionSpec repeatable(String name, String label, Class<?> type, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(type)
                .description(description).build();
    }

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
        ParseResult parsed = spec.commandLine().getParseResult();
        List<Path> rules = parsed.matchedOptionValue("-r", List.of());
        List<String> disabled = parsed.matchedOptionValue("-D", List.of());
        List<String> onlyTags = parsed.matchedOptionValue("-t", List.of());
        List<String> disabledTags = parsed.matchedOptionValue("-T", List.of());
        String minPriority = parsed.matchedOptionValue("--min-priority", "debug");
        boolean json = parsed.matchedOptionValue("--json", false);
        boolean iso8601 = parsed.matchedOptionValue("--time-iso8601", false);
        String ruleMatching = parsed.matchedOptionValue("--rule-matching", "first");
        boolean noSuggestedOutput = parsed.matchedOptionValue("--no-suggested-output", false);
        boolean rawEvents = parsed.matchedOptionValue("--raw-events", false);
        Path capture = parsed.matchedPositionalValue(0, null);
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
            int running = engine.running().size();
            err.println("Events detected: " + total + " (" + events + (events == 1 ? " event" : " events") + " read, "
                    + running + (running == 1 ? " rule" : " rules") + " running)");
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
