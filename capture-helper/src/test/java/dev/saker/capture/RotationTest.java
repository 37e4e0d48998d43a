package dev.saker.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.MachineInfo;
import dev.saker.scap.MetadataListener;
import dev.saker.scap.ProcessEntry;
import dev.saker.scap.ScapReader;
import dev.saker.scap.SysdigOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation by size (-C), time (-G) and count (-W): every file is a whole capture that starts with
 * its own state blocks, and the names follow FILE, FILE-1, FILE-2 (number before the first dot).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RotationTest {
    private static final Pattern SUMMARY = Pattern.compile("saker-capture: (\\d+) events written");

    @TempDir
    Path dir;

    @BeforeEach
    void capturePossible() {
        CaptureRun.assumeCapturePossible();
    }

    /** What a file holds, read with Saker's reader: sections, machine info, processes, events. */
    private record FileContents(int sections, boolean machineInfo, List<ProcessEntry> processes, long events) {
    }

    private static FileContents contents(Path file) throws IOException {
        int[] sections = {0};
        boolean[] mi = {false};
        List<ProcessEntry> processes = new ArrayList<>();
        long events = 0;
        try (ScapReader reader = ScapReader.open(file, new MetadataListener() {
            @Override
            public void onSection(int number, int major, int minor) {
                sections[0]++;
            }

            @Override
            public void onMachineInfo(MachineInfo info) {
                mi[0] = true;
            }

            @Override
            public void onProcess(ProcessEntry p) {
                processes.add(p);
            }
        })) {
            while (reader.next() != null) {
                events++;
            }
        }
        return new FileContents(sections[0], mi[0], processes, events);
    }

    private static void assertWholeCapture(Path file) throws IOException {
        FileContents c = contents(file);
        assertThat(c.sections()).as(file + " sections").isEqualTo(1);
        assertThat(c.machineInfo()).as(file + " machine info").isTrue();
        assertThat(c.processes()).as(file + " process list").anyMatch(p -> p.pid == 1);
        assertThat(c.events()).as(file + " events").isPositive();
        assertThat(SysdigOracle.run(file, "-p", "%evt.num").exitCode()).as("sysdig -r " + file).isZero();
    }

    private List<Path> files(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    @Test
    void sizeRotationKeepsTheLastCountFilesEachAWholeCapture() throws Exception {
        Path file = dir.resolve("ring.scap");
        String stderr;
        try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "-C", "1", "-W", "3",
                "--duration", "120"), ProcessBuilder.Redirect.DISCARD)) {
            // about 25 bytes an event: 320k events are about 8 files' worth
            DdStorm.run(160_000);
            assertThat(run.stop()).as(run.stderr()).isZero();
            stderr = run.stderr();
        }
        Matcher m = SUMMARY.matcher(stderr);
        assertThat(m.find()).as(stderr).isTrue();
        List<Path> left = files("ring");
        assertThat(left).as("-W 3 keeps three files").hasSize(3);
        // the survivors are the last three numbers, in sequence
        List<Integer> numbers = left.stream().map(p -> p.getFileName().toString())
                .map(n -> n.equals("ring.scap") ? 0 : Integer.parseInt(n.substring(5, n.indexOf('.')))).sorted().toList();
        assertThat(numbers.get(0)).as("older files were removed").isGreaterThanOrEqualTo(3);
        assertThat(numbers).containsExactly(numbers.get(0), numbers.get(0) + 1, numbers.get(0) + 2);
        for (Path p : left) {
            assertWholeCapture(p);
        }
        // each full file stopped at the first event past 1 MB (an event is far below 64 KiB)
        for (int i = 0; i < 2; i++) {
            Path p = dir.resolve("ring-" + numbers.get(i) + ".scap");
            assertThat(Files.size(p)).as(p.toString()).isBetween(1_000_000L, 1_000_000L + 65_536);
        }
    }

    @Test
    void sigtermInTheMiddleOfARotationStormStopsPromptly() throws Exception {
        Path file = dir.resolve("storm.scap");
        Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=50000000", "status=none")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "-C", "1", "-W", "2",
                "--duration", "120"), ProcessBuilder.Redirect.DISCARD)) {
            Thread.sleep(1500); // rotating, with the ring buffer never empty
            long asked = System.nanoTime();
            assertThat(run.stop()).as(run.stderr()).isZero();
            // a drain yields to the main loop every 100 ms; the final drain writes at most one buffer
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - asked)).as(run.stderr()).isLessThan(15);
        } finally {
            dd.destroyForcibly();
        }
        for (Path p : files("storm")) {
            assertThat(contents(p).processes()).as(p.toString()).isNotEmpty();
        }
    }

    @Test
    void timeRotationStartsAFileEverySecond() throws Exception {
        Path file = dir.resolve("timed.scap.gz");
        try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "--gzip", "-G", "1",
                "--duration", "3.5"), ProcessBuilder.Redirect.DISCARD)) {
            assertThat(run.waitFor()).as(run.stderr()).isZero();
        }
        List<String> names = files("timed").stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).contains("timed.scap.gz", "timed-1.scap.gz", "timed-2.scap.gz").hasSizeBetween(3, 5);
        for (String n : names) {
            assertWholeCapture(dir.resolve(n));
        }
    }

    @Test
    void countWithoutRotationAndRotationToStdoutAreRefused() throws Exception {
        Process p = new ProcessBuilder(CaptureRun.BINARY.toString(), "-w", dir.resolve("x.scap").toString(), "-W", "3")
                .redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("-W needs -C or -G");
        assertThat(p.waitFor()).isEqualTo(2);
        p = new ProcessBuilder(CaptureRun.BINARY.toString(), "-w", "-", "-C", "10").redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("-C and -G rotate files; they cannot be used with -w - (stdout)");
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(dir.resolve("x.scap")).doesNotExist();
    }
}
