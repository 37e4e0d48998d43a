package dev.saker.app;

import dev.saker.engine.Explanation;
import dev.saker.engine.RuleExplainer;
import dev.saker.format.RenderedFields;
import dev.saker.rules.CompiledRule;
import dev.saker.rules.FilterConditions;
import dev.saker.rules.LoadResult;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * `saker explain`: why a rule did or did not match one event: the rule's expanded condition as a tree
 * with each node's value (✓ true, ✗ false, ? a field was missing) and the field values behind each
 * check, then the top-level conjuncts. Rules that fail to load exit 1; an unknown rule or event exits 2.
 */
final class ExplainCommand implements Callable<Integer> {
    static final int BAD_RULES = 1;
    static final int FAILED = 2;

    private CommandSpec spec;

    /** The options and parameters (picocli's programmatic API; Saker says why not its annotations). */
    static CommandSpec spec() {
        ExplainCommand command = new ExplainCommand();
        CommandSpec spec = command.spec = CommandSpec.wrapWithoutInspection(command).name("explain");
        spec.usageMessage().description("Explain a rule's condition on one event of a capture: every node's value "
                + "and the field values behind it.");
        spec.addOption(OptionSpec.builder("--rule").required(true).paramLabel("NAME").type(String.class)
                .description("the rule to explain").build());
        spec.addOption(OptionSpec.builder("--event").required(true).paramLabel("N").type(long.class)
                .description("the event number (evt.num)").build());
        spec.addOption(ScanCommand.repeatable("-r", "RULES", Path.class, ScanCommand.RULES_DESCRIPTION));
        spec.addOption(OptionSpec.builder("--json").description("print the explanation as JSON").build());
        spec.addOption(OptionSpec.builder("--raw-events")
                .description("see every recorded event, old enter events included").build());
        spec.addPositional(PositionalParamSpec.builder().index("0").required(true).paramLabel("CAPTURE")
                .type(Path.class).build());
        return spec;
    }

    @Override
    public Integer call() {
        ParseResult parsed = spec.commandLine().getParseResult();
        String ruleName = parsed.matchedOptionValue("--rule", null);
        long event = parsed.matchedOptionValue("--event", 0L);
        List<Path> rules = parsed.matchedOptionValue("-r", List.of());
        boolean json = parsed.matchedOptionValue("--json", false);
        boolean rawEvents = parsed.matchedOptionValue("--raw-events", false);
        Path capture = parsed.matchedPositionalValue(0, null);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<RulesSource> sources = ScanCommand.rulesToRun(rules);
            FilterConditions language = new FilterConditions();
            RuleLoader loader = new RuleLoader(RenderedFields.registry(), language, false);
            List<LoadResult> results = loader.loadAll(sources);
            if (!results.stream().allMatch(LoadResult::successful)) {
                for (LoadResult r : results) {
                    err.println(r.asText(loader.contents()));
                }
                err.flush();
                return BAD_RULES;
            }
            CompiledRule rule = loader.rules().stream().filter(r -> r.name().equals(ruleName)).findFirst().orElse(null);
            if (rule == null) {
                err.println("saker: no rule named '" + ruleName + "' in the loaded rules");
                err.flush();
                return FAILED;
            }
            RuleExplainer explainer;
            try {
                explainer = RuleExplainer.of(rule, RenderedFields.registry(), language::sourceText, rawEvents);
            } catch (IllegalArgumentException e) {
                err.println("saker: " + e.getMessage());
                err.flush();
                return FAILED;
            }
            Explanation x = event < 0 ? null : explainer.explain(capture, event);
            if (x == null) {
                err.println("saker: no event number " + event + " in " + capture);
                err.flush();
                return FAILED;
            }
            out.print(json ? x.toJson() + "\n" : x.toText());
            out.flush();
            return 0;
        } catch (IOException e) {
            out.flush();
            err.println("saker: " + UserErrorHandler.describe(e));
            err.flush();
            return FAILED;
        }
    }
}
