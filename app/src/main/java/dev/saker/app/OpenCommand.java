package dev.saker.app;

import dev.saker.rules.RulesSource;
import dev.saker.ui.Workbench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * `saker open`: starts the workbench, optionally with a capture, and runs rules over it as `saker scan`
 * would choose them (-r files, else Falco's default paths, else the starter ruleset).
 */
final class OpenCommand implements Callable<Integer> {
    private CommandSpec spec;

    /** The options and parameters (picocli's programmatic API; Saker says why not its annotations). */
    static CommandSpec spec() {
        OpenCommand command = new OpenCommand();
        CommandSpec spec = command.spec = CommandSpec.wrapWithoutInspection(command).name("open");
        spec.usageMessage().description("Start the workbench, optionally opening a capture.");
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("CAPTURE").type(Path.class)
                .description("a .scap file (plain or gzip)").build());
        spec.addOption(ScanCommand.repeatable("-r", "RULES", Path.class, ScanCommand.RULES_DESCRIPTION));
        return spec;
    }

    @Override
    public Integer call() {
        ParseResult parsed = spec.commandLine().getParseResult();
        Path capture = parsed.matchedPositionalValue(0, null);
        List<Path> rules = parsed.matchedOptionValue("-r", List.of());
        PrintWriter err = spec.commandLine().getErr();
        if (capture != null && !Files.isRegularFile(capture)) {
            err.println("saker: cannot open " + capture + ": no such file");
            return UserErrorHandler.BAD_INPUT;
        }
        List<RulesSource> sources;
        try {
            sources = ScanCommand.rulesToRun(rules);
        } catch (IOException e) {
            err.println("saker: " + UserErrorHandler.describe(e));
            return UserErrorHandler.BAD_INPUT;
        }
        if (!displayAvailable()) {
            if (capture == null) {
                err.println("saker: no display to show the workbench on (DISPLAY is not set); the headless commands "
                        + "(read, scan, explain) work without one");
                return UserErrorHandler.BAD_INPUT;
            }
            return scanInstead(err, capture, rules);
        }
        try {
            Workbench.launch(new Workbench.Options(capture, sources));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            err.println("saker: cannot start the workbench: " + e.getMessage());
            return UserErrorHandler.BAD_INPUT;
        }
        return 0;
    }

    /**
     * Without a display the capture still gets looked at: what `saker scan` prints for it with the same
     * rules (alerts on stdout, summary on stderr), then one line saying why no window opened. This keeps
     * the quick start's first command useful on a headless machine or over ssh.
     */
    private int scanInstead(PrintWriter err, Path capture, List<Path> rules) {
        List<String> args = new ArrayList<>();
        for (Path r : rules) {
            args.add("-r");
            args.add(r.toString());
        }
        args.add(capture.toString());
        CommandLine scan = new CommandLine(ScanCommand.spec());
        scan.setOut(spec.commandLine().getOut());
        scan.setErr(err);
        scan.setExecutionExceptionHandler(new UserErrorHandler());
        int code = scan.execute(args.toArray(String[]::new));
        err.println("saker: no display (DISPLAY is not set), so the workbench did not open; above is what "
                + "`saker scan` finds in " + capture + " with the same rules");
        err.flush();
        return code;
    }

    /** A display to open a window on; -Dsaker.display=none says there is none (used by tests). */
    static boolean displayAvailable() {
        String forced = System.getProperty("saker.display");
        if (forced != null) {
            return !forced.equals("none");
        }
        return !(isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))
                && System.getProperty("glass.platform") == null);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
