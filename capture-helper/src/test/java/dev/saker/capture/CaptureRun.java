package dev.saker.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One run of the saker-capture executable: started, waited for until its probes are attached, and
 * stopped (SIGTERM, then SIGKILL after a grace period) so that no test can leave it running.
 */
final class CaptureRun implements AutoCloseable {
    static final Path BINARY = Path.of(System.getProperty("saker.capture.binary", "target/native/saker-capture"));
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final Path stderrFile;

    private CaptureRun(Process process, Path stderrFile) {
        this.process = process;
        this.stderrFile = stderrFile;
    }

    /** Skips (with the reason printed) where a live capture cannot work: not root, or no kernel BTF. */
    static void assumeCapturePossible() {
        String reason = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            reason = "not running as root (saker-capture needs CAP_BPF and CAP_PERFMON)";
        } else if (!Files.isReadable(Path.of("/sys/kernel/btf/vmlinux"))) {
            reason = "no kernel BTF at /sys/kernel/btf/vmlinux";
        }
        if (reason != null) {
            System.out.println("SKIPPED saker-capture tests: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    /** Starts saker-capture with these arguments and returns once it reports that it is capturing. */
    static CaptureRun start(List<String> args, ProcessBuilder.Redirect stdout) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " was not built (the module's make step runs before the tests)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(BINARY.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.redirectOutput(stdout);
        // stderr goes to a file: a pipe read by a thread can lose the last lines when the process exits
        Path stderrFile = Files.createTempFile("saker-capture-stderr", ".txt");
        pb.redirectError(stderrFile.toFile());
        CaptureRun run = new CaptureRun(pb.start(), stderrFile);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (!run.stderr().contains("saker-capture: capturing to")) {
            if (!run.process.isAlive() || System.nanoTime() > deadline) {
                run.kill();
                throw new IllegalStateException("saker-capture did not start (within " + START_TIMEOUT_SECONDS
                        + " s); its output: " + run.stderr());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.kill();
                throw new IllegalStateException("interrupted while starting saker-capture", e);
            }
        }
        return run;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then the exit code (the helper writes out what is queued and closes the file). */
    int stop() throws InterruptedException {
        process.destroy();
        return waitFor();
    }

    /** Waits for the helper to end on its own (--duration, --events); kills it past the timeout. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("saker-capture did not stop within " + STOP_TIMEOUT_SECONDS + " s");
        }
        return process.exitValue();
    }

    void kill() {
        process.destroyForcibly();
    }

    String stderr() {
        try {
            return Files.readString(stderrFile);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            Files.deleteIfExists(stderrFile);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
