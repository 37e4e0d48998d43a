package dev.saker.app;

import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.SysdigOracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.bench.BenchCaptureBuilder;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import dev.saker.state.CaptureInspector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small capture from the benchmark's builder (bench/read-vs-sysdig.sh builds 5M events the same
 * way): complete, readable to the end by Saker's whole pipeline and by sysdig, with the same lines.
 */
class BenchCaptureSmokeTest {
    private static final long EVENTS = 20_000;

    @TempDir
    static Path dir;
    private static Path capture;
    private static long perRound;

    @BeforeAll
    static void build() throws IOException {
        Path captures = ConformanceCaptures.requireRoot().resolve("captures");
        BenchCaptureBuilder builder = BenchCaptureBuilder.of(BenchCaptureBuilder.sysdigReadable(captures));
        perRound = builder.eventsPerRound();
        capture = dir.resolve("bench.scap");
        assertThat(builder.write(capture, EVENTS)).isEqualTo(EVENTS);
    }

    @Test
    void holdsTheRequestedEventsWithTimeGoingOnAcrossRepetitions() throws IOException {
        assertThat(perRound).isLessThan(EVENTS);
        long[] ts = new long[(int) EVENTS];
        int n = 0;
        try (ScapReader reader = ScapReader.open(capture)) {
            for (RawEvent e = reader.next(); e != null; e = reader.next()) {
                ts[n++] = e.ts();
            }
        }
        assertThat(n).isEqualTo(EVENTS);
        long lastOfFirstRound = Long.MIN_VALUE;
        long firstOfSecondRound = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (i < perRound) {
                lastOfFirstRound = Math.max(lastOfFirstRound, ts[i]);
            } else if (i < 2 * perRound) {
                firstOfSecondRound = Math.min(firstOfSecondRound, ts[i]);
            }
        }
        assertThat(firstOfSecondRound).isGreaterThan(lastOfFirstRound);
        // Time goes on, but not by much: every timestamp a source recorded stays near its own.
        long lastOfFile = Arrays.stream(ts).max().orElseThrow();
        assertThat(lastOfFile - lastOfFirstRound).isBetween(0L, (EVENTS / perRound + 1) * 200 * 1_000_000_000L);
        assertThat(Arrays.stream(ts).filter(t -> t < 0).count()).isZero();
    }

    @Test
    void convertsAndBuildsStateToTheEnd() throws IOException {
        long n = 0;
        try (CaptureInspector inspector = CaptureInspector.open(capture)) {
            while (inspector.next()) {
                n++;
            }
        }
        assertThat(n).isEqualTo(EVENTS);
    }

    /**
     * Same number of lines and the same last line time as sysdig. Known difference, left out here:
     * sysdig 0.29.3 neither numbers nor prints user/group-added events that come after other events
     * (sample.scap's, repeated mid-stream by the builder), where saker read prints them.
     */
    @Test
    void sysdigPrintsAsManyLinesAsSakerRead() {
        Predicate<String> userOrGroupAdded = l -> l.contains(" > useradded ") || l.contains(" > groupadded ");
        List<String> ours = SysdigReadParityTest.sakerRead(capture.toString()).lines()
                .filter(userOrGroupAdded.negate()).toList();
        List<String> theirs = SysdigOracle.print(capture).lines().toList();
        assertThat(ours).hasSameSizeAs(theirs);
        assertThat(ours.get(ours.size() - 1).split(" ")[1]).isEqualTo(theirs.get(theirs.size() - 1).split(" ")[1]);
    }
}
