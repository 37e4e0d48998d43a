package dev.saker.app;

import dev.saker.fields.EventContext;
import dev.saker.fields.LibsEdition;
import dev.saker.filter.CompileResult;
import dev.saker.filter.FilterCompiler;
import dev.saker.filter.FilterProblem;
import dev.saker.format.FieldOutput;
import dev.saker.format.FormatException;
import dev.saker.format.RenderedFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** `saker read`: prints a capture's events as `sysdig -r` does, optionally only those a filter matches. */
final class ReadCommand implements Callable<Integer> {
    /** sysdig's default line (its DEFAULT_OUTPUT_STR). */
    static final String DEFAULT_FORMAT =
            "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";

    enum Semantics {
        sysdig(LibsEdition.SYSDIG_2022), falco(LibsEdition.CURRENT);

        final LibsEdition edition;

        Semantics(LibsEdition edition) {
            this.edition = edition;
        }
    }

    private CommandSpec spec;

    /** The options and parameters (picocli's programmatic API; Saker says why not its annotations). */
    static CommandSpec spec() {
        ReadCommand command = new ReadCommand();
        CommandSpec spec = command.spec = CommandSpec.wrapWithoutInspection(command).name("read");
        spec.usageMessage().description("Print the events of a capture, as sysdig -r prints them.");
        spec.addPositional(PositionalParamSpec.builder().index("0").required(true).paramLabel("CAPTURE")
                .type(Path.class).description("a .scap file (plain or gzip)").build());
        spec.addPositional(PositionalParamSpec.builder().index("1").arity("0..1").paramLabel("FILTER")
                .type(String.class).description("print only events matching this condition (Falco's condition "
                        + "language, e.g. \"evt.type=open and fd.name contains /etc\")").build());
        spec.addOption(OptionSpec.builder("-n").paramLabel("N").type(long.class)
                .description("stop after event number N").build());
        spec.addOption(OptionSpec.builder("-p").paramLabel("FORMAT").type(String.class)
                .description("print each event with this format of %%field references (sysdig's -p syntax; "
                        + "a leading * prints events that lack some of the fields too)").build());
        spec.addOption(OptionSpec.builder("-j")
                .description("print one JSON object per event (with -p: those fields)").build());
        spec.addOption(OptionSpec.builder("--as").paramLabel("SEMANTICS").type(Semantics.class)
                .description("sysdig (default): exactly what sysdig 0.29.3 prints, which hides event types newer "
                        + "than its 2022 libs; falco: the current falcosecurity/libs semantics Falco uses, "
                        + "every event shown").build());
        spec.addOption(OptionSpec.builder("--chunk-events").paramLabel("N").type(Integer.class).hidden(true)
                .description("0: read on one thread; N > 0: two threads taking turns at formatting chunks of N "
                        + "events (default: chosen by the capture and the cores, see choosesChunks)").build());
        return spec;
    }

    /** Printable events per chunk when two threads share the work: about 1.5 MB of lines. */
    static final int CHUNK_EVENTS = 16_384;
    /** Cores below which one thread is as fast as two (see choosesChunks). */
    static final int CHUNKED_MIN_CORES = 4;
    /** Below this, starting a second pipeline costs more than it saves. */
    static final long CHUNKED_MIN_BYTES = 16L << 20;

    @Override
    public Integer call() throws IOException {
        ParseResult parsed = spec.commandLine().getParseResult();
        Path capture = parsed.matchedPositionalValue(0, null);
        String filter = parsed.matchedPositionalValue(1, null);
        long limit = parsed.matchedOptionValue("-n", -1L);
        String format = parsed.matchedOptionValue("-p", null);
        boolean json = parsed.matchedOptionValue("-j", false);
        Semantics semantics = parsed.matchedOptionValue("--as", Semantics.sysdig);
        Integer chunkEvents = parsed.matchedOptionValue("--chunk-events", null);
        CompileResult compiled = null;
        if (filter != null) {
            compiled = FilterCompiler.compile(filter, "filter", RenderedFields.registry(), semantics.edition);
            if (!compiled.ok()) {
                // the condition is the user's: each problem with a caret under its span, nothing read
                for (FilterProblem p : compiled.problems()) {
                    spec.commandLine().getErr().println("saker: " + (p.isIncomplete() ? "incomplete" : "invalid")
                            + " filter: " + p.message());
                    p.excerpt(filter).lines().forEach(l -> spec.commandLine().getErr().println("  " + l));
                }
                return UserErrorHandler.BAD_INPUT;
            }
        }
        FieldOutput output;
        try {
            output = json ? FieldOutput.json(format) : FieldOutput.text(format == null ? DEFAULT_FORMAT : format);
        } catch (FormatException e) {
            // the format is the user's: say what and where, with a caret under the spot
            spec.commandLine().getErr().println("saker: invalid -p format: " + e.getMessage());
            spec.commandLine().getErr().println("  " + format);
            spec.commandLine().getErr().println("  " + " ".repeat(Math.max(0, e.position())) + "^");
            return UserErrorHandler.BAD_INPUT;
        }
        Predicate<EventContext> shown = compiled == null ? c -> true : compiled.filter()::matches;
        int chunks = chunkEvents != null ? chunkEvents : choosesChunks(capture) ? CHUNK_EVENTS : 0;
        FieldOutput.Printed printed;
        if (chunks > 0) {
            try {
                printed = output.writeChunked(capture, semantics.edition, System.out, limit, shown, chunks);
            } finally {
                System.out.flush();
            }
        } else {
            try {
                printed = output.writeBytes(capture, semantics.edition, System.out, limit, shown);
            } finally {
                System.out.flush();
            }
        }
        if (printed.unknownToEdition() > 0) {
            spec.commandLine().getErr().println("saker: note: " + printed.unknownToEdition() + " events of types "
                    + "newer than sysdig 0.29.3 knows were read but not shown, as sysdig does; "
                    + "--as falco shows them");
        }
        return 0;
    }

    /**
     * Whether two threads pay: a plain capture (each thread reads the whole file; a gzip one would be
     * inflated twice) big enough to amortise the second pipeline, on a machine with cores to spare
     * for them and for the JIT compiler. Anything unreadable goes the sequential way, which reports it.
     */
    static boolean choosesChunks(Path capture) {
        return choosesChunks(capture, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The two pipelines together use 1.4 to 1.6 times the CPU of one (each keeps the whole state),
     * and one thread on 2 cores already keeps the second core busy with the JIT compiler for its first
     * seconds: measured on 2 cores (README, Benchmarks), two threads finish no sooner than one, and
     * much later when other work competes for the cores. So they are used from {@link #CHUNKED_MIN_CORES} on.
     */
    static boolean choosesChunks(Path capture, int cores) {
        if (cores < CHUNKED_MIN_CORES) {
            return false;
        }
        try (InputStream in = Files.newInputStream(capture)) {
            byte[] magic = in.readNBytes(2);
            boolean gzip = magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
            return !gzip && Files.size(capture) >= CHUNKED_MIN_BYTES;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
