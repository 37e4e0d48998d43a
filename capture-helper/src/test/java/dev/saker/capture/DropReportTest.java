package dev.saker.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drops are never silent: counted per CPU, reported at exit and marked in the file. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DropReportTest {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) events written, (\\d+) dropped \\(cpu0=\\d+");

    @TempDir
    Path dir;

    @BeforeEach
    void capturePossible() {
        CaptureRun.assumeCapturePossible();
    }

    @Test
    void aOnePageBufferUnderASyscallStormDropsAndSaysSo() throws Exception {
        Path file = dir.resolve("drops.scap");
        String stderr;
        try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "--buffer-kb", "4",
                "--duration", "60"), ProcessBuilder.Redirect.DISCARD)) {
            storm(300_000);
            Thread.sleep(500); // past one flush interval, so the drop start is marked while running
            assertThat(run.stop()).isZero();
            stderr = run.stderr();
        }
        Matcher m = SUMMARY.matcher(stderr);
        assertThat(m.find()).as(stderr).isTrue();
        assertThat(Long.parseLong(m.group(2))).as(stderr).isPositive();
        RecordedEvents events = RecordedEvents.read(file);
        assertThat(events.of(148, e -> e.number(0) == 1)).as("DROP_E").isNotEmpty();
        assertThat(events.of(149, e -> true)).as("DROP_X").isNotEmpty();
    }

    @Test
    void theDefaultBufferKeepsUpWithAModestWorkload() throws Exception {
        Path file = dir.resolve("nodrops.scap");
        String stderr;
        try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "--duration", "60"),
                ProcessBuilder.Redirect.DISCARD)) {
            storm(20_000);
            assertThat(run.stop()).isZero();
            stderr = run.stderr();
        }
        Matcher m = SUMMARY.matcher(stderr);
        assertThat(m.find()).as(stderr).isTrue();
        assertThat(Long.parseLong(m.group(1))).isGreaterThan(40_000);
        assertThat(m.group(2)).as(stderr).isEqualTo("0");
        assertThat(RecordedEvents.read(file).of(148, e -> true)).isEmpty();
    }

    /** dd copying single bytes: two syscalls per byte. */
    private static void storm(int bytes) throws Exception {
        Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=" + bytes, "status=none")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!dd.waitFor(60, TimeUnit.SECONDS)) {
            dd.destroyForcibly();
            throw new AssertionError("dd did not finish");
        }
    }
}
