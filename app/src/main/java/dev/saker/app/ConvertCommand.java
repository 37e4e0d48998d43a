package dev.saker.app;

import dev.saker.scap.CaptureFormatException;
import dev.saker.scap.MetadataCollector;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import dev.saker.scap.ScapWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * `saker convert`: rewrites any capture libscap reads (old block versions, v1 events, section
 * options, gzip) as a file in today's layout that sysdig 0.29.3 and current libscap both read.
 * Events are copied byte for byte. A merged file's later sections lose their metadata: one output
 * section holds the first section's metadata and every section's events.
 */
final class ConvertCommand implements Callable<Integer> {
    private CommandSpec spec;

    /** The options and parameters (picocli's programmatic API; Saker says why not its annotations). */
    static CommandSpec spec() {
        ConvertCommand command = new ConvertCommand();
        CommandSpec spec = command.spec = CommandSpec.wrapWithoutInspection(command).name("convert");
        spec.usageMessage().description(
                "Rewrite a capture in the current savefile layout (SHB 1.2, V2 blocks), readable by sysdig 0.29.3.",
                "Events are copied unchanged; with several sections, the first section's metadata is kept.");
        spec.addPositional(PositionalParamSpec.builder().index("0").required(true).paramLabel("IN").type(Path.class)
                .description("a .scap file (plain or gzip)").build());
        spec.addPositional(PositionalParamSpec.builder().index("1").required(true).paramLabel("OUT").type(Path.class)
                .description("the capture to write (replaced if it exists)").build());
        spec.addOption(OptionSpec.builder("--gzip").description("gzip-compress the output (default: plain)").build());
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        ParseResult parsed = spec.commandLine().getParseResult();
        Path input = parsed.matchedPositionalValue(0, null);
        Path output = parsed.matchedPositionalValue(1, null);
        boolean gzip = parsed.matchedOptionValue("--gzip", false);
        if (Files.exists(output) && Files.exists(input) && Files.isSameFile(input, output)) {
            throw new IOException("refusing to convert " + input + " onto itself");
        }
        MetadataCollector metadata = new MetadataCollector();
        try (ScapReader reader = ScapReader.open(input, metadata)) {
            CaptureFormatException damage = null;
            RawEvent first = null;
            try {
                // The first event comes after the first section's metadata, which the writer needs up front.
                first = reader.next();
            } catch (CaptureFormatException e) {
                damage = e;
            }
            ScapWriter.Compression compression = gzip ? ScapWriter.Compression.GZIP : ScapWriter.Compression.PLAIN;
            try (ScapWriter writer = ScapWriter.open(output, metadata.metadata(), compression)) {
                try {
                    for (RawEvent e = first; e != null; e = reader.next()) {
                        writer.writeEvent(e);
                    }
                } catch (CaptureFormatException e) {
                    damage = e;
                }
            }
            if (metadata.sections() > 1) {
                spec.commandLine().getErr().println("saker: note: " + input + " has " + metadata.sections()
                        + " sections; only the first section's metadata was written");
            }
            if (damage != null) {
                // Everything before the damage is in OUT; the handler reports where reading stopped.
                throw damage;
            }
        }
        return 0;
    }
}
