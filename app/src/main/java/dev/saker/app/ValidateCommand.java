package dev.saker.app;

import dev.saker.format.RenderedFields;
import dev.saker.rules.JsonText;
import dev.saker.rules.LoadResult;
import dev.saker.rules.RuleLoader;
import dev.saker.rules.RulesSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * `saker validate`: what `falco -V` prints. Files load in order into one ruleset, so later files
 * see earlier definitions. Text mode prints each file's verdict on stdout with its errors; a file
 * that is fine but has warnings gets "Ok, with warnings" there and its warnings on stderr, as Falco
 * logs them. `--json` prints Falco's {"falco_load_results": [...]} object. Exit code 1 when any
 * file is invalid, as Falco's.
 */
final class ValidateCommand implements Callable<Integer> {
    static final int INVALID = 1;

    private CommandSpec spec;

    /** The options and parameters (picocli's programmatic API; Saker says why not its annotations). */
    static CommandSpec spec() {
        ValidateCommand command = new ValidateCommand();
        CommandSpec spec = command.spec = CommandSpec.wrapWithoutInspection(command).name("validate");
        spec.usageMessage().description(
                "Validate Falco rules files as `falco -V` does (files and directories load in order, accumulating;",
                "a Helm values file with customRules: loads each embedded file).");
        spec.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("RULES")
                .type(List.class).auxiliaryTypes(Path.class)
                .description("rules files, directories or Helm values files").build());
        spec.addOption(OptionSpec.builder("--json")
                .description("print the result as `falco -V ... -o json_output=true` does").build());
        return spec;
    }

    @Override
    public Integer call() {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<Path> rules = parsed.matchedPositionalValue(0, null);
        boolean json = parsed.matchedOptionValue("--json", false);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RulesSource> sources;
        try {
            sources = RulesSource.expand(rules);
        } catch (IOException e) {
            err.println("saker: could not read rules: " + UserErrorHandler.describe(e));
            err.flush();
            return INVALID;
        }
        RuleLoader loader = new RuleLoader(RenderedFields.registry());
        List<LoadResult> results = loader.loadAll(sources);
        Map<String, String> contents = loader.contents();
        boolean successful = results.stream().allMatch(LoadResult::successful);
        if (json) {
            List<Object> entries = new ArrayList<>();
            for (LoadResult r : results) {
                entries.add(r.toJson(contents));
            }
            Map<String, Object> root = JsonText.object();
            root.put("falco_load_results", entries);
            out.println(JsonText.write(root));
        } else {
            StringBuilder summary = new StringBuilder();
            for (LoadResult r : results) {
                if (summary.length() > 0) {
                    summary.append('\n');
                }
                if (!r.successful() || r.warnings().isEmpty()) {
                    summary.append(r.asText(contents));
                } else {
                    summary.append(r.name()).append(": Ok, with warnings");
                    err.println(r.asText(contents));
                }
            }
            out.println(summary);
        }
        out.flush();
        err.flush();
        return successful ? 0 : INVALID;
    }
}
