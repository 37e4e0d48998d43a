package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every conformance capture cut short, at every block boundary and inside every block: a clean cut
 * between blocks is just a shorter capture; a cut inside a block yields every event wholly before it
 * and then one error at that block's start. Gzip inputs (re-compressed cuts, and cuts of the
 * compressed stream itself) must behave the same.
 */
class CaptureTruncationTest {
    private static final int FULLY_CUT_BLOCKS = 5000;
    private static final int RE_GZIP_CUTS_PER_CAPTURE = 60;
    private static final int GZIP_STREAM_CUTS_PER_CAPTURE = 60;

    static Stream<Path> captures() {
        ConformanceCaptures.requireRoot();
        return ConformanceCaptures.captures().stream();
    }

    /** What a cut at {@code cut} bytes must read: event count, and the error offset (-1 for none). */
    record Expected(int events, long failureOffset, boolean atOpen) {
        static Expected forCut(CaptureBytes c, int cut) {
            if (cut >= c.plain().length) {
                return new Expected(c.eventOffsets().length, -1, false);
            }
            int start = c.blockStartAt(cut);
            if (start == cut && cut > 0) {
                return new Expected(c.eventsBefore(cut), -1, false);
            }
            return new Expected(c.eventsBefore(start), start, start == 0);
        }
    }

    private static void assertReads(CaptureBytes c, ReadOutcome got, Expected want, String what) {
        String where = c.name() + " " + what + ": " + got.describe();
        assertThat(got.failureIsWellFormed()).as(where).isTrue();
        assertThat(got.offsets().length).as(where).isEqualTo(want.events());
        // Arrays.mismatch rather than containsExactly: AssertJ's diff is quadratic in thousands of events.
        assertThat(Arrays.mismatch(got.offsets(), Arrays.copyOf(c.eventOffsets(), want.events()))).as(where)
                .isEqualTo(-1);
        if (want.failureOffset() < 0) {
            assertThat(got.failure()).as(where).isNull();
        } else {
            assertThat(got.failure()).as(where).isNotNull();
            assertThat(got.failure().offset()).as(where).isEqualTo(want.failureOffset());
            assertThat(got.failedAtOpen()).as(where).isEqualTo(want.atOpen());
        }
    }

    private static ReadOutcome readPlain(CaptureBytes c, int cut) throws IOException {
        return ReadOutcome.read(new ByteArrayInputStream(c.plain(), 0, cut), cut);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void cutAtABlockBoundaryReadsExactlyTheEventsBeforeItWithoutError(Path file) throws IOException {
        CaptureBytes c = CaptureBytes.of(file);
        long t0 = System.nanoTime();
        int[] starts = c.blockStarts();
        for (int i = 1; i <= starts.length; i++) {
            int cut = i < starts.length ? starts[i] : c.plain().length;
            assertReads(c, readPlain(c, cut), Expected.forCut(c, cut), "cut at boundary " + cut);
        }
        report(c, "block-boundary cuts", starts.length, t0);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void cutInsideABlockReadsTheEventsBeforeItThenFailsAtTheBlockStart(Path file) throws IOException {
        CaptureBytes c = CaptureBytes.of(file);
        long t0 = System.nanoTime();
        int cuts = 0;
        // Each cut re-reads from the start, so a much bigger capture than today's (4272 blocks at most)
        // gets all four cuts on every n-th block only, and one rotating cut on every other block.
        int stride = Math.max(1, (c.blockStarts().length + FULLY_CUT_BLOCKS - 1) / FULLY_CUT_BLOCKS);
        for (int i = 1; i < c.blockStarts().length; i++) {
            TreeSet<Integer> inside = insideBlock(c, i);
            Iterable<Integer> chosen = i % stride == 0 ? inside
                    : java.util.List.of(inside.stream().skip(i % inside.size()).findFirst().orElseThrow());
            for (int cut : chosen) {
                assertReads(c, readPlain(c, cut), Expected.forCut(c, cut), "cut at " + cut);
                cuts++;
            }
        }
        report(c, "mid-block cuts", cuts, t0);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void cutInsideTheFirstSectionHeaderFailsAtOpen(Path file) throws IOException {
        CaptureBytes c = CaptureBytes.of(file);
        for (int cut = 0; cut < c.blockEnd(0); cut++) {
            ReadOutcome got = readPlain(c, cut);
            assertThat(got.failedAtOpen()).as(c.name() + " cut at " + cut + ": " + got.describe()).isTrue();
            assertThat(got.failure().offset()).isZero();
            assertThat(got.failureIsWellFormed()).as(got.describe()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void reGzippedCutReadsLikeThePlainCut(Path file) throws IOException {
        CaptureBytes c = CaptureBytes.of(file);
        long t0 = System.nanoTime();
        TreeSet<Integer> cuts = new TreeSet<>();
        int[] starts = c.blockStarts();
        int step = Math.max(1, starts.length / (RE_GZIP_CUTS_PER_CAPTURE / 3));
        for (int i = 0; i < starts.length; i += step) {
            cuts.add(starts[i] + 1);
            cuts.add(c.blockEnd(i));
            cuts.add(starts[i] + (c.blockEnd(i) - starts[i]) / 2);
        }
        for (int cut : cuts) {
            byte[] gz = CaptureBytes.gzip(c.plain(), cut, Deflater.BEST_SPEED);
            ReadOutcome got = ReadOutcome.read(new ByteArrayInputStream(gz), gz.length);
            assertReads(c, got, Expected.forCut(c, cut), "gzip of cut at " + cut);
        }
        report(c, "re-gzipped cuts", cuts.size(), t0);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void cutGzipStreamReadsTheEventsInflatedThenFailsAtTheBlockWhereInflationStopped(Path file) throws IOException {
        CaptureBytes c = CaptureBytes.of(file);
        long t0 = System.nanoTime();
        byte[] gz = CaptureBytes.gzip(c.plain());
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int k = 0; k < GZIP_STREAM_CUTS_PER_CAPTURE; k++) {
            cuts.add((int) ((long) gz.length * k / GZIP_STREAM_CUTS_PER_CAPTURE));
        }
        // Inside the gzip header, and inside the CRC/size trailer after all blocks inflated.
        cuts.addAll(java.util.List.of(1, 2, 9, 10, 11, gz.length - 8, gz.length - 4, gz.length - 1));
        for (int cut : cuts) {
            int inflated = inflatable(gz, cut);
            Expected want = inflated >= c.plain().length
                    ? new Expected(c.eventOffsets().length, c.plain().length, false)
                    : new Expected(c.eventsBefore(c.blockStartAt(inflated)), c.blockStartAt(inflated),
                            c.blockStartAt(inflated) == 0);
            ReadOutcome got = ReadOutcome.read(new ByteArrayInputStream(gz, 0, cut), cut);
            assertReads(c, got, want, "gzip stream cut at " + cut + " of " + gz.length + " (" + inflated
                    + " bytes inflate)");
        }
        report(c, "gzip-stream cuts", cuts.size(), t0);
    }

    /** Uncompressed bytes a raw inflater gets from the first {@code cut} bytes of a 10-byte-header gzip. */
    private static int inflatable(byte[] gz, int cut) {
        if (cut <= 10) {
            return 0;
        }
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(gz, 10, cut - 10);
            byte[] out = new byte[1 << 16];
            int total = 0;
            int n;
            while ((n = inf.inflate(out)) > 0 || !(inf.needsInput() || inf.finished())) {
                total += n;
            }
            return total;
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inf.end();
        }
    }

    /** +1, +7, the middle and the last byte of block {@code i}: the cuts that land inside it. */
    private static TreeSet<Integer> insideBlock(CaptureBytes c, int i) {
        int s = c.blockStarts()[i];
        int e = c.blockEnd(i);
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int cut : new int[] {s + 1, s + 7, s + (e - s) / 2, e - 1}) {
            if (cut > s && cut < e) {
                cuts.add(cut);
            }
        }
        return cuts;
    }

    private static void report(CaptureBytes c, String what, int cuts, long t0) {
        System.out.printf("%s: %d %s (%d blocks, %s) in %d ms%n", c.name(), cuts, what, c.blockStarts().length,
                c.storedGzip() ? "stored gzip" : "stored plain", (System.nanoTime() - t0) / 1_000_000);
    }
}
