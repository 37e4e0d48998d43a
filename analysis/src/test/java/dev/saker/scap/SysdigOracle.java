package dev.saker.scap;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the installed sysdig 0.29.3 (/usr/bin/sysdig, Debian package {@code sysdig}) as the reference
 * reader: {@code TZ=UTC sysdig -r FILE ARGS...}. A missing sysdig fails the test rather than skipping
 * it, because the comparison is the point of every test that uses this class.
 */
public final class SysdigOracle {
    public static final Path SYSDIG = Path.of(System.getProperty("saker.sysdig", "/usr/bin/sysdig"));
    private static final long TIMEOUT_SECONDS = 120;

    /** What one sysdig run printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private SysdigOracle() {
    }

    /** Runs {@code sysdig -r capture args...} and returns its output, whatever the exit code. */
    public static Result run(Path capture, String... args) {
        if (!Files.isExecutable(SYSDIG)) {
            fail("sysdig is not installed at " + SYSDIG + ": install the Debian package `sysdig` "
                    + "(apt-get install sysdig), which the project's test command provides");
        }
        List<String> cmd = new ArrayList<>(List.of(SYSDIG.toString(), "-r", capture.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TZ", "UTC");
        Path errFile = null;
        try {
            // stderr goes to a file so that one pipe, drained by one thread, can never stall sysdig.
            errFile = Files.createTempFile("sysdig-stderr", ".txt");
            pb.redirectError(errFile.toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("sysdig did not finish within " + TIMEOUT_SECONDS + " s on " + capture);
            }
            return new Result(p.exitValue(), out.join(), Files.readString(errFile));
        } catch (IOException e) {
            return fail("could not run " + SYSDIG + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running sysdig");
        } finally {
            if (errFile != null) {
                try {
                    Files.deleteIfExists(errFile);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /** The standard output of a sysdig run that must succeed. */
    public static String print(Path capture, String... args) {
        Result r = run(capture, args);
        if (r.exitCode() != 0) {
            fail("sysdig -r " + capture + " exited with " + r.exitCode() + ": " + r.stderr().strip());
        }
        return r.stdout();
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                result.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "sysdig-stdout");
        t.setDaemon(true);
        t.start();
        return result;
    }
}
