package dev.saker.scap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A sliding window over an uncompressed capture stream. The window grows only as bytes actually
 * arrive, so a huge length field in a damaged file ends in a truncation error rather than a huge
 * allocation.
 */
final class BlockInput implements AutoCloseable {
    private static final int INITIAL = 1 << 20;
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private ByteBuffer window = ByteBuffer.allocate(INITIAL).order(ByteOrder.LITTLE_ENDIAN);
    private int start;
    private int end;
    private long windowOffset;
    private boolean eof;

    BlockInput(InputStream in, long startOffset) {
        this.in = in;
        this.windowOffset = startOffset;
    }

    ByteBuffer buffer() {
        return window;
    }

    /** Stream offset of the first unconsumed byte. */
    long position() {
        return windowOffset + start;
    }

    /** Buffer index of the first unconsumed byte. */
    int index() {
        return start;
    }

    int available() {
        return end - start;
    }

    /**
     * Makes {@code n} bytes available from the current position, reading and growing as needed.
     * Returns how many are available, which is less than {@code n} only at the end of the stream.
     */
    int require(long n) throws IOException {
        while (end - start < n && !eof) {
            if (start > 0 && window.capacity() - end < CHUNK) {
                window.put(0, window, start, end - start);
                windowOffset += start;
                end -= start;
                start = 0;
            }
            if (window.capacity() - end < CHUNK) {
                ByteBuffer bigger = ByteBuffer.allocate(window.capacity() * 2).order(ByteOrder.LITTLE_ENDIAN);
                bigger.put(0, window, 0, end);
                window = bigger;
            }
            int r = in.read(window.array(), end, window.capacity() - end);
            if (r < 0) {
                eof = true;
            } else {
                end += r;
            }
        }
        return (int) Math.min(n, end - start);
    }

    void skip(int n) {
        start += n;
    }

    /** Skips {@code n} bytes that may lie beyond the window; returns false at the end of the stream. */
    boolean skipLong(long n) throws IOException {
        long inWindow = Math.min(n, end - start);
        start += (int) inWindow;
        long left = n - inWindow;
        while (left > 0) {
            int got = require(Math.min(left, INITIAL));
            if (got == 0) {
                return false;
            }
            start += got;
            left -= got;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
