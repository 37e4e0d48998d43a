package dev.saker.scap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * How reading a possibly damaged capture to its end went: the block offsets of the events returned,
 * the one {@link CaptureFormatException} that ended it (or null), and whether that came from open.
 * Anything thrown other than a CaptureFormatException propagates, which fails the calling test.
 */
record ReadOutcome(long[] offsets, CaptureFormatException failure, boolean failedAtOpen, int largestWindow) {

    static ReadOutcome read(InputStream in, long size) throws IOException {
        ScapReader reader;
        try {
            reader = ScapReader.open(in, size, MetadataListener.NONE);
        } catch (CaptureFormatException e) {
            return new ReadOutcome(new long[0], e, true, 0);
        }
        long[] offsets = new long[64];
        int n = 0;
        int window = 0;
        try (reader) {
            long before = reader.position();
            try {
                RawEvent e;
                while ((e = reader.next()) != null) {
                    if (reader.position() <= before) {
                        throw new AssertionError("next() returned an event without advancing past " + before);
                    }
                    before = reader.position();
                    window = Math.max(window, reader.windowCapacity());
                    if (n == offsets.length) {
                        offsets = Arrays.copyOf(offsets, n * 2);
                    }
                    offsets[n++] = e.offset();
                }
                window = Math.max(window, reader.windowCapacity());
            } catch (CaptureFormatException failure) {
                window = Math.max(window, reader.windowCapacity());
                assertSticky(reader, failure);
                return new ReadOutcome(Arrays.copyOf(offsets, n), failure, false, window);
            }
            if (reader.next() != null) {
                throw new AssertionError("next() returned an event after the end");
            }
        }
        return new ReadOutcome(Arrays.copyOf(offsets, n), null, false, window);
    }

    /** A damaged capture stays failed: asking again gives the same error, not a different reading. */
    private static void assertSticky(ScapReader reader, CaptureFormatException failure) throws IOException {
        try {
            reader.next();
        } catch (CaptureFormatException again) {
            if (again != failure) {
                throw new AssertionError("a second next() after a failure threw a different error: " + again.describe());
            }
            return;
        }
        throw new AssertionError("next() after a failure did not fail again");
    }

    /** The failure reads as one line and is not a reader bug dressed as a format error. */
    boolean failureIsWellFormed() {
        if (failure == null) {
            return true;
        }
        String m = failure.getMessage();
        return m != null && !m.isBlank() && !m.contains("\n") && !(failure.getCause() instanceof RuntimeException)
                && failure.offset() >= 0;
    }

    String describe() {
        return offsets.length + " events, " + (failure == null ? "no error"
                : (failedAtOpen ? "open failed " : "failed ") + failure.describe()
                + (failure.getCause() != null ? " cause " + failure.getCause() : ""));
    }
}
