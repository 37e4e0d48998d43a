package dev.saker.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import dev.saker.scap.SysdigOracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ways a capture ends on its own, and the output forms: each leaves a complete, readable file. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StopConditionsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void capturePossible() {
        CaptureRun.assumeCapturePossible();
    }

    @Test
    void eventCountStopsTheCaptureWithExactlyThatManyEventsInAGzipFile() throws Exception {
        Path file = dir.resolve("count.scap.gz");
        try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "--gzip", "--events", "300",
                "--duration", "60"), ProcessBuilder.Redirect.DISCARD)) {
            busyWork(run);
            assertThat(run.waitFor()).as(run.stderr()).isZero();
        }
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(in.read()).isEqualTo(0x1f);
            assertThat(in.read()).isEqualTo(0x8b);
        }
        assertThat(countEvents(file)).isEqualTo(300);
    }

    @Test
    void durationStopsTheCapture() throws Exception {
        Path file = dir.resolve("duration.scap");
        long started = System.nanoTime();
        try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "--duration", "1"),
                ProcessBuilder.Redirect.DISCARD)) {
            assertThat(run.waitFor()).as(run.stderr()).isZero();
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
        assertThat(countEvents(file)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void dashWritesTheCaptureToStandardOutput() throws Exception {
        Path file = dir.resolve("stdout.scap");
        try (CaptureRun run = CaptureRun.start(List.of("-w", "-", "--events", "50", "--duration", "60"),
                ProcessBuilder.Redirect.to(file.toFile()))) {
            busyWork(run);
            assertThat(run.waitFor()).as(run.stderr()).isZero();
        }
        assertThat(countEvents(file)).isEqualTo(50);
    }

    @Test
    void afterKillMinus9EveryWrittenBlockIsReadable() throws Exception {
        Path file = dir.resolve("killed.scap");
        try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "--duration", "60"),
                ProcessBuilder.Redirect.DISCARD)) {
            busyWork(run);
            Thread.sleep(700); // a few 200 ms flushes
            run.kill();
            assertThat(run.waitFor()).isEqualTo(137);
        }
        assertThat(Files.size(file) % 4).as("ends on a block boundary").isZero();
        assertThat(countEvents(file)).isGreaterThan(20); // at least the execs of busyWork
        assertThat(SysdigOracle.print(file)).contains("execve");
    }

    @Test
    void sigintStopsTheCaptureCleanly() throws Exception {
        Path file = dir.resolve("sigint.scap");
        try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "--duration", "60"),
                ProcessBuilder.Redirect.DISCARD)) {
            busyWork(run);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(run.waitFor()).as(run.stderr()).isZero();
            assertThat(run.stderr()).contains("events written");
        }
        assertThat(countEvents(file)).isGreaterThan(20);
    }

    @Test
    void aFullDiskStopsTheCaptureWithAClearErrorAndAReadableFile() throws Exception {
        Path mnt = dir.resolve("small-fs");
        Files.createDirectories(mnt);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        if (!mounted) {
            System.out.println("SKIPPED disk-full test: cannot mount a small tmpfs here");
        }
        Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs");
        try {
            Path file = mnt.resolve("full.scap");
            try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "--duration", "60"),
                    ProcessBuilder.Redirect.DISCARD)) {
                // the file system fills up with whatever the machine does; some load makes it quick
                for (int i = 0; i < 50 && run.isAlive(); i++) {
                    busyWork(run);
                }
                assertThat(run.waitFor()).isEqualTo(1);
                assertThat(run.stderr()).contains("No space left on device");
            }
            assertThat(Files.size(file)).isGreaterThan(500_000);
            assertThat(countEvents(file)).isPositive(); // reads to the end: no partial block
            assertThat(SysdigOracle.run(file).exitCode()).isZero();
        } finally {
            new ProcessBuilder("umount", "-l", mnt.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void badArgumentsAreRefusedWithUsage() throws Exception {
        Process p = new ProcessBuilder(CaptureRun.BINARY.toString(), "--events", "many", "-w", "x")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getInputStream().readAllBytes())).contains("--events wants a positive count");
    }

    /** Syscalls from another process, so the capture has events to record. */
    private static void busyWork(CaptureRun run) throws IOException, InterruptedException {
        for (int i = 0; i < 20; i++) {
            Process p = new ProcessBuilder("/bin/true").start();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long countEvents(Path file) throws IOException {
        long n = 0;
        try (ScapReader r = ScapReader.open(file)) {
            for (RawEvent e; (e = r.next()) != null; ) {
                n++;
            }
        }
        return n;
    }
}
