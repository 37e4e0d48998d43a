package dev.saker.app;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The `saker` command: one entry point for every headless subcommand (and, later, the workbench).
 *
 * <p>The commands are described with picocli's programmatic API (CommandSpec, OptionSpec,
 * PositionalParamSpec) rather than its annotations: reading annotations means reflection and
 * annotation proxies generated at run time, which the launcher's class-data archive cannot hold, and
 * that took about a fifth of every start's CPU (README, Benchmarks). Each command's {@code spec()}
 * says what its annotations said; its {@code call()} reads the values from the parse result.
 */
public final class Saker implements Runnable {
    /**
     * The subcommands by name, in help order. A command line that starts with a subcommand's name gets
     * only that one (each costs a CommandLine); anything else (help, no command, a wrong name) gets them
     * all, and so the same usage and error messages.
     */
    static final List<String> SUBCOMMANDS = List.of("read", "convert", "validate", "scan", "explain", "open");

    static CommandSpec subcommand(String name) {
        return switch (name) {
            case "read" -> ReadCommand.spec();
            case "convert" -> ConvertCommand.spec();
            case "validate" -> ValidateCommand.spec();
            case "scan" -> ScanCommand.spec();
            case "explain" -> ExplainCommand.spec();
            case "open" -> OpenCommand.spec();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int run(String... args) {
        // Picocli's default factory looks for Groovy's Closure class on every start: a miss, searched for
        // through every jar on the class path. Saker has no Groovy.
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cli = new CommandLine(spec());
        String first = args.length > 0 ? args[0] : "";
        for (String name : SUBCOMMANDS) {
            if (!SUBCOMMANDS.contains(first) || name.equals(first)) {
                cli.addSubcommand(name, subcommand(name));
            }
        }
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        return cli.execute(args);
    }

    private CommandSpec spec;

    /** What {@code mixinStandardHelpOptions} gave: -h/--help and -V/--version, with picocli's texts. */
    static CommandSpec spec() {
        Saker command = new Saker();
        CommandSpec spec = command.spec = CommandSpec.wrapWithoutInspection(command).name("saker")
                .version("saker 0.1.0");
        spec.usageMessage().description(
                "Forensic workbench for Linux syscall captures (libscap .scap), compatible with Falco and sysdig.");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    @Override
    public void run() {
        // the command line that ran: it has every subcommand, as no subcommand was named
        spec.commandLine().usage(System.out);
    }
}
