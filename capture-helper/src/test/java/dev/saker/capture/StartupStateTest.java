package dev.saker.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.LibsEdition;
import dev.saker.format.FieldOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that was running before the capture started, with a file open since then: the process
 * list and fd list written at start let the state layer name both on its first event.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StartupStateTest {
    @TempDir
    Path dir;

    @Test
    void processAndFileOpenedBeforeTheCaptureAreNamedFromTheStartupState() throws Exception {
        CaptureRun.assumeCapturePossible();
        Path known = dir.resolve("held-open.txt");
        Files.writeString(known, "line one\n");
        Path go = dir.resolve("go");
        Path capture = dir.resolve("startup.scap");
        String script = "exec 7<" + known + "; while [ ! -e " + go + " ]; do sleep 0.05; done; read -r -u 7 line";
        Process holder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(300); // the descriptor is open before the capture starts
            try (CaptureRun run = CaptureRun.start(List.of("-w", capture.toString(), "--duration", "60"),
                    ProcessBuilder.Redirect.DISCARD)) {
                Files.writeString(go, "");
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(200);
                assertThat(run.stop()).as(run.stderr()).isZero();
            }
        } finally {
            holder.destroyForcibly();
        }
        StringBuilder out = new StringBuilder();
        FieldOutput.text("*%evt.type %proc.pid %proc.name %fd.num %fd.name %proc.cmdline")
                .write(capture, LibsEdition.CURRENT, out, -1);
        String reads = out.toString().lines().filter(l -> l.startsWith("read " + holder.pid() + " "))
                .collect(Collectors.joining("\n"));
        assertThat(reads).contains("read " + holder.pid() + " bash 7 " + known + " bash -c exec 7<" + known);
    }
}
