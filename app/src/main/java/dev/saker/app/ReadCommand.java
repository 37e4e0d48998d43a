package dev.saker.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `saker read`: prints a capture's events as `sysdig -r` does. */
@Command(name = "read", description = "Print the events of a capture, as sysdig -r prints them.")
final class ReadCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAPTURE", description = "a .scap file (plain or gzip)")
    Path capture;

    @Option(names = "-n", paramLabel = "N", description = "stop after N events")
    long limit = -1;

    @Option(names = "-p", paramLabel = "FORMAT", description = "print each event with this %%field format")
    String format;

    @Option(names = "-j", description = "print one JSON object per event")
    boolean json;

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("saker read is being built");
    }
}
