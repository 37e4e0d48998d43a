package dev.saker.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `saker` command: one entry point for every headless subcommand (and, later, the workbench). */
@Command(name = "saker", mixinStandardHelpOptions = true, version = "saker 0.1.0",
        description = "Forensic workbench for Linux syscall captures (libscap .scap), compatible with Falco and sysdig.",
        subcommands = {ReadCommand.class, ConvertCommand.class, ValidateCommand.class, ScanCommand.class,
                ExplainCommand.class, OpenCommand.class})
public final class Saker implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Saker());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
