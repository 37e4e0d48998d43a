package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A length field no real block has is an error at that block, not an allocation: the read window
 * never grows past what the file actually holds.
 */
class CaptureHugeLengthTest {
    private static final long HUGE = 0xFFFFFFF0L;
    /** The window starts at 128 KiB and at most doubles what it holds. */
    private static final int WINDOW_SLACK = 1 << 18;

    @TempDir
    Path dir;

    private static CaptureBytes capture(String name) {
        return CaptureBytes.of(ConformanceCaptures.capture(name));
    }

    /** A copy of the capture with the header length of block {@code index} set to {@code length}. */
    private static byte[] withBlockLength(CaptureBytes c, int index, long length) {
        byte[] damaged = c.plain().clone();
        ByteBuffer.wrap(damaged).order(ByteOrder.LITTLE_ENDIAN).putInt(c.blockStarts()[index] + 4, (int) length);
        return damaged;
    }

    private static int middleEventBlock(CaptureBytes c) {
        long offset = c.eventOffsets()[c.eventOffsets().length / 2];
        return Arrays.binarySearch(c.blockStarts(), (int) offset);
    }

    private static int firstBlockOfType(CaptureBytes c, int type) {
        ByteBuffer b = ByteBuffer.wrap(c.plain()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < c.blockStarts().length; i++) {
            if (b.getInt(c.blockStarts()[i]) == type) {
                return i;
            }
        }
        throw new IllegalStateException("no block of type " + type);
    }

    private static void assertFailsAtBlock(CaptureBytes c, ReadOutcome got, int index) {
        int at = c.blockStarts()[index];
        assertThat(got.failure()).as(got.describe()).isNotNull();
        assertThat(got.failure().offset()).as(got.describe()).isEqualTo(at);
        assertThat(got.offsets().length).isEqualTo(c.eventsBefore(at));
        assertThat(Arrays.mismatch(got.offsets(), Arrays.copyOf(c.eventOffsets(), c.eventsBefore(at)))).isEqualTo(-1);
        assertThat(got.largestWindow()).isLessThanOrEqualTo(2 * c.plain().length + WINDOW_SLACK);
    }

    @Test
    void hugeEventBlockLengthFailsAtThatBlockWithoutAHugeBuffer() throws IOException {
        CaptureBytes c = capture("libs/sample.scap");
        int index = middleEventBlock(c);
        byte[] damaged = withBlockLength(c, index, HUGE);
        assertFailsAtBlock(c, ReadOutcome.read(new ByteArrayInputStream(damaged), damaged.length), index);
    }

    @Test
    void hugeEventBlockLengthInAGzipCaptureFailsAtThatBlockWithoutAHugeBuffer() throws IOException {
        CaptureBytes c = capture("libs/sample.scap");
        int index = middleEventBlock(c);
        byte[] gz = CaptureBytes.gzip(withBlockLength(c, index, HUGE));
        assertFailsAtBlock(c, ReadOutcome.read(new ByteArrayInputStream(gz), gz.length), index);
    }

    @Test
    void hugeProcessListLengthFailsAtThatBlockWithoutAHugeBuffer() throws IOException {
        CaptureBytes c = capture("libs/single_ipv6_conn.scap");
        int index = firstBlockOfType(c, BlockType.PL_V9);
        byte[] damaged = withBlockLength(c, index, HUGE);
        assertFailsAtBlock(c, ReadOutcome.read(new ByteArrayInputStream(damaged), damaged.length), index);
    }

    @Test
    void hugeLengthMessageSaysWhichBlockAndHowLong() throws IOException {
        CaptureBytes c = capture("libs/single_ipv6_conn.scap");
        int index = firstBlockOfType(c, BlockType.PL_V9);
        byte[] damaged = withBlockLength(c, index, HUGE);
        ReadOutcome got = ReadOutcome.read(new ByteArrayInputStream(damaged), damaged.length);
        assertThat(got.failure().getMessage()).contains("0x215").contains(Long.toString(HUGE));
    }

    /** libscap reads non-large event blocks into a 64 KiB buffer and refuses longer ones; so do we. */
    @Test
    void nonLargeEventBlockOverSixtyFourKibIsRefusedAtThatBlock() throws IOException {
        CaptureBytes c = capture("libs/sample.scap");
        int index = firstBlockOfType(c, BlockType.EV_V2);
        byte[] damaged = withBlockLength(c, index, (1 << 16) + 12);
        ReadOutcome got = ReadOutcome.read(new ByteArrayInputStream(damaged), damaged.length);
        assertFailsAtBlock(c, got, index);
        assertThat(got.failure().getMessage()).contains("non-large event block");
    }

    /** Below every fixed limit, so only the end of the data can stop it: the window must stop there too. */
    @Test
    void lengthBeyondTheEndOfAGzipCaptureReadsNoMoreThanTheFileHolds() throws IOException {
        CaptureBytes c = capture("falco-psp/run_as_user_0_container.scap");
        int index = firstBlockOfType(c, BlockType.PL_V9);
        byte[] gz = CaptureBytes.gzip(withBlockLength(c, index, (1L << 30) - 16));
        assertFailsAtBlock(c, ReadOutcome.read(new ByteArrayInputStream(gz), gz.length), index);
    }

    @Test
    void hugeLengthInACaptureFileOnDiskFailsAtThatBlock() throws IOException {
        CaptureBytes c = capture("libs/sample.scap");
        int index = middleEventBlock(c);
        Path f = dir.resolve("huge.scap");
        Files.write(f, withBlockLength(c, index, HUGE));
        long events = 0;
        try (ScapReader r = ScapReader.open(f)) {
            while (r.next() != null) {
                events++;
            }
            throw new AssertionError("read to the end past a huge block length");
        } catch (CaptureFormatException e) {
            assertThat(e.offset()).isEqualTo(c.blockStarts()[index]);
            assertThat(events).isEqualTo(c.eventsBefore(c.blockStarts()[index]));
        }
    }

    /** The size check that refuses impossible lengths must not refuse blocks written after open. */
    @Test
    void captureFileThatGrowsAfterOpenReadsTheBlocksWrittenSince() throws IOException {
        CaptureBytes c = capture("libs/sample.scap");
        int half = c.blockStarts()[c.blockStarts().length / 2];
        Path f = dir.resolve("growing.scap");
        Files.write(f, Arrays.copyOf(c.plain(), half));
        try (ScapReader r = ScapReader.open(f)) {
            Files.write(f, Arrays.copyOfRange(c.plain(), half, c.plain().length), StandardOpenOption.APPEND);
            long events = 0;
            while (r.next() != null) {
                events++;
            }
            assertThat(events).isEqualTo(c.eventOffsets().length);
        }
    }

    @Test
    void eventsBeforeTheCutOfATruncatedGzipFileCanBeReadAgainByOffset() throws IOException {
        CaptureBytes c = capture("libs/test_ipv6_client.scap");
        byte[] gz = CaptureBytes.gzip(c.plain());
        Path f = dir.resolve("cut.scap.gz");
        Files.write(f, Arrays.copyOf(gz, gz.length - 20));
        try (ScapReader r = ScapReader.open(f)) {
            RawEvent first = r.next();
            long ts = first.ts();
            assertThat(r.readAt(first.offset()).ts()).isEqualTo(ts);
        }
    }
}
