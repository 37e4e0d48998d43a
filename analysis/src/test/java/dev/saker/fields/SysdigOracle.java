package dev.saker.fields;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the installed sysdig 0.29.3 ({@code /usr/bin/sysdig}, Debian package {@code sysdig}) as an oracle. */
final class SysdigOracle {
    private static final long TIMEOUT_SECONDS = 120;

    private SysdigOracle() {
    }

    static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "sysdig");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError("sysdig is not installed: install the Debian package `sysdig` (apt-get install sysdig)"
                + " to run the field conformance tests");
    }

    /** {@code TZ=UTC sysdig -r capture -p format}, its output lines. */
    static List<String> print(Path capture, String format) throws IOException, InterruptedException {
        Path out = Files.createTempFile("sysdig-oracle", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(binary(), "-r", capture.toString(), "-p", format);
            pb.environment().put("TZ", "UTC");
            pb.redirectOutput(out.toFile());
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("sysdig took longer than " + TIMEOUT_SECONDS + "s on " + capture);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("sysdig exited with " + p.exitValue() + " on " + capture);
            }
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
