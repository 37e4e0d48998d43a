package dev.saker.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Once capturing, the helper holds no capability and cannot gain one (as dumpcap drops its own). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PrivilegeDropTest {
    @TempDir
    Path dir;

    @Test
    void capturingHelperHasNoCapabilitiesLeft() throws Exception {
        CaptureRun.assumeCapturePossible();
        try (CaptureRun run = CaptureRun.start(List.of("-w", dir.resolve("p.scap").toString(), "--duration", "60"),
                ProcessBuilder.Redirect.DISCARD)) {
            List<String> status = Files.readAllLines(Path.of("/proc/" + run.pid() + "/status"));
            assertThat(status).contains("CapEff:\t0000000000000000", "CapPrm:\t0000000000000000",
                    "CapInh:\t0000000000000000", "NoNewPrivs:\t1");
            assertThat(run.stop()).as(run.stderr()).isZero();
            assertThat(run.stderr()).doesNotContain("warning");
        }
    }
}
