package dev.saker.format;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the installed sysdig 0.29.3 (the oracle) over a capture and returns its standard output. */
final class SysdigRun {
    static final Path SYSDIG = Path.of("/usr/bin/sysdig");
    private static final long TIMEOUT_SECONDS = 120;

    private SysdigRun() {
    }

    static String output(Path capture, String... extraArgs) {
        if (!Files.isExecutable(SYSDIG)) {
            fail("sysdig is not installed at " + SYSDIG + ": install the Debian package `sysdig` (0.29.3), the oracle for this test");
        }
        List<String> cmd = new ArrayList<>(List.of(SYSDIG.toString(), "-r", capture.toString()));
        cmd.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TZ", "UTC");
        try {
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread pump = new Thread(() -> copy(p.getInputStream(), out));
            pump.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("sysdig did not finish within " + TIMEOUT_SECONDS + "s on " + capture);
            }
            pump.join();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
