package dev.saker.app;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The `saker` command: one entry point for every headless subcommand (and, later, the workbench). */
@Command(name = "saker", mixinStandardHelpOptions = true, version = "saker 0.1.0",
        description = "Forensic workbench for Linux syscall captures (libscap .scap), compatible with Falco and sysdig.")
public final class Saker implements Runnable {
    /**
     * The subcommands by name, in help order. Picocli reads every subcommand's annotations when it is
     * added (reflection, annotation proxies, in the interpreter at start-up), so a command line that
     * starts with a subcommand's name gets only that one; anything else (help, no command, a wrong
     * name) gets them all, and so the same usage and error messages.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("read", ReadCommand.class);
        SUBCOMMANDS.put("convert", ConvertCommand.class);
        SUBCOMMANDS.put("validate", ValidateCommand.class);
        SUBCOMMANDS.put("scan", ScanCommand.class);
        SUBCOMMANDS.put("explain", ExplainCommand.class);
        SUBCOMMANDS.put("open", OpenCommand.class);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Saker());
        String first = args.length > 0 ? args[0] : null;
        for (Map.Entry<String, Class<?>> s : SUBCOMMANDS.entrySet()) {
            if (!SUBCOMMANDS.containsKey(first) || s.getKey().equals(first)) {
                cli.addSubcommand(s.getKey(), s.getValue());
            }
        }
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        return cli.execute(args);
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // the command line that ran: it has every subcommand, as no subcommand was named
        spec.commandLine().usage(System.out);
    }
}
