package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.Deflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever is damaged in a conformance capture (random byte flips, extreme values in block
 * lengths, trailers, event header fields, parameter lengths, metadata fields, or the gzip stream), the
 * reader either finishes or throws one {@link CaptureFormatException}, never anything else, never
 * stalls, never reports damage before it happens and never loses an event that lies wholly before it.
 * Tries are seeded, so a failing try number reproduces exactly.
 */
class CaptureCorruptionTest {
    private static final long SEED = 0x5A4E52_0001L;
    /** Raise with -Dsaker.damage.tries=N for a longer hunt; the default keeps the suite fast. */
    private static final int TRIES = Integer.getInteger("saker.damage.tries", 300);
    private static final Duration PER_TRY = Duration.ofSeconds(10);
    private static final int WINDOW_SLACK = 1 << 18;
    private static final long[] EXTREMES = {0, 1, 2, 11, 12, 13, 25, 26, 27, 0x7F, 0xFF, 0x100, 0x7FFF, 0xFFFF, 0x10000,
        0x10008, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFF0L, 0xFFFFFFFFL};

    enum Damage { FLIP_BYTES, BLOCK_LENGTH, BLOCK_TRAILER, EVENT_FIELD, METADATA_FIELD, GZIP_STREAM_FLIP }

    /** A damaged copy of a capture and the first byte the damage touched. */
    record Damaged(byte[] bytes, int firstDamaged, String what) {
    }

    static IntStream tries() {
        ConformanceCaptures.requireRoot();
        return IntStream.range(0, TRIES);
    }

    @ParameterizedTest(name = "try {0}")
    @MethodSource("tries")
    void damagedCaptureFinishesOrFailsWithOneFormatErrorAfterEveryEventBeforeTheDamage(int attempt) {
        Random rnd = new Random(SEED + attempt);
        List<Path> files = ConformanceCaptures.captures();
        CaptureBytes c = CaptureBytes.of(files.get(rnd.nextInt(files.size())));
        Damage kind = Damage.values()[attempt % Damage.values().length];
        Damaged d = damage(c, kind, rnd);
        boolean streamDamage = kind == Damage.GZIP_STREAM_FLIP;
        boolean reGzip = !streamDamage && rnd.nextInt(4) == 0;
        byte[] input = reGzip ? CaptureBytes.gzip(d.bytes(), d.bytes().length, Deflater.BEST_SPEED) : d.bytes();
        String where = c.name() + " try " + attempt + ": " + d.what() + (reGzip ? " (re-gzipped)" : "");

        ReadOutcome got = assertTimeoutPreemptively(PER_TRY,
                () -> ReadOutcome.read(new ByteArrayInputStream(input), input.length), where);

        where += " -> " + got.describe();
        assertThat(got.failureIsWellFormed()).as(where).isTrue();
        for (int i = 1; i < got.offsets().length; i++) {
            assertThat(got.offsets()[i]).as(where).isGreaterThan(got.offsets()[i - 1]);
        }
        int largestPlain = Math.max(c.plain().length, d.bytes().length);
        assertThat(got.largestWindow()).as(where).isLessThanOrEqualTo(2 * largestPlain + WINDOW_SLACK);
        if (!streamDamage) {
            int intact = c.blockStartAt(d.firstDamaged());
            long[] before = Arrays.copyOf(c.eventOffsets(), c.eventsBefore(intact));
            assertThat(got.offsets().length).as(where).isGreaterThanOrEqualTo(before.length);
            assertThat(Arrays.mismatch(Arrays.copyOf(got.offsets(), before.length), before)).as(where).isEqualTo(-1);
            if (got.failure() != null) {
                assertThat(got.failure().offset()).as(where).isBetween((long) intact, (long) d.bytes().length);
            }
        }
    }

    private static Damaged damage(CaptureBytes c, Damage kind, Random rnd) {
        byte[] b = c.plain().clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int[] starts = c.blockStarts();
        switch (kind) {
            case FLIP_BYTES -> {
                int first = Integer.MAX_VALUE;
                int n = 1 + rnd.nextInt(16);
                for (int i = 0; i < n; i++) {
                    int at = rnd.nextInt(b.length);
                    b[at] ^= (byte) (1 + rnd.nextInt(255));
                    first = Math.min(first, at);
                }
                return new Damaged(b, first, n + " byte flips from " + first);
            }
            case BLOCK_LENGTH, BLOCK_TRAILER -> {
                int i = rnd.nextInt(starts.length);
                int at = kind == Damage.BLOCK_LENGTH ? starts[i] + 4 : c.blockEnd(i) - 4;
                long v = extreme(rnd, Integer.toUnsignedLong(buf.getInt(at)));
                buf.putInt(at, (int) v);
                return new Damaged(b, at, kind + " of block at " + starts[i] + " = " + v);
            }
            case EVENT_FIELD -> {
                int s = (int) c.eventOffsets()[rnd.nextInt(c.eventOffsets().length)];
                int type = buf.getInt(s);
                int evStart = s + 8 + (BlockType.hasDumpFlags(type) ? 6 : 2);
                boolean v1 = BlockType.isV1Event(type);
                int field = rnd.nextInt(4);
                int at = switch (field) {
                    case 0 -> evStart + 16; // len
                    case 1 -> evStart + 20; // type
                    case 2 -> v1 ? evStart + 22 : evStart + 22; // nparams (v2), first length (v1)
                    default -> evStart + (v1 ? 22 : 26) + 2 * rnd.nextInt(4); // a parameter length
                };
                long v = extreme(rnd, 0);
                if (field == 0 || (field == 2 && !v1)) {
                    buf.putInt(at, (int) v);
                } else {
                    buf.putShort(at, (short) v);
                }
                return new Damaged(b, at, "event field " + field + " of block at " + s + " = " + v);
            }
            case METADATA_FIELD -> {
                int[] meta = IntStream.range(0, starts.length)
                        .filter(i -> !BlockType.isEvent(buf.getInt(starts[i]))).toArray();
                int i = meta[rnd.nextInt(meta.length)];
                int bodyLen = c.blockEnd(i) - starts[i] - 12;
                int at = starts[i] + 8 + rnd.nextInt(Math.max(1, bodyLen - 3));
                long v = extreme(rnd, 0);
                if (rnd.nextBoolean()) {
                    buf.putShort(at, (short) v);
                } else {
                    buf.putInt(at, (int) v);
                }
                return new Damaged(b, at, "metadata field at " + at + " of block at " + starts[i] + " = " + v);
            }
            case GZIP_STREAM_FLIP -> {
                byte[] gz = CaptureBytes.gzip(b);
                int n = 1 + rnd.nextInt(4);
                for (int k = 0; k < n; k++) {
                    gz[rnd.nextInt(gz.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                return new Damaged(gz, 0, n + " byte flips in the gzip stream");
            }
            default -> throw new IllegalStateException();
        }
    }

    /** A value a damaged length field might hold: a boundary, a near miss of the original, or noise. */
    private static long extreme(Random rnd, long original) {
        return switch (rnd.nextInt(3)) {
            case 0 -> EXTREMES[rnd.nextInt(EXTREMES.length)];
            case 1 -> (original + rnd.nextInt(17) - 8) & 0xFFFFFFFFL;
            default -> rnd.nextLong() & 0xFFFFFFFFL;
        };
    }
}
