package dev.saker.scap;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongSupplier;
import java.util.zip.ZipException;

/**
 * A sliding window over an uncompressed capture stream. The window grows only as bytes actually
 * arrive (at most about twice what it holds), so a huge length field in a damaged file ends in a
 * truncation error rather than a huge allocation. When the stream's size can be asked (a plain file),
 * {@link #mayHold(long)} lets the reader reject an impossible length without reading at all.
 */
final class BlockInput implements AutoCloseable {
    private static final int CHUNK = 1 << 16;
    private static final int INITIAL = 2 * CHUNK;
    /** Java arrays end a little short of Integer.MAX_VALUE. */
    private static final int MAX_WINDOW = Integer.MAX_VALUE - 16;

    private final InputStream in;
    private final LongSupplier size;
    private long lastSize;
    private ByteBuffer window = ByteBuffer.allocate(INITIAL).order(ByteOrder.LITTLE_ENDIAN);
    private int start;
    private int end;
    private long windowOffset;
    private boolean eof;

    /** {@code size} tells the stream's current total length in bytes; null when unknown (compressed input). */
    BlockInput(InputStream in, long startOffset, LongSupplier size) {
        this.in = in;
        this.windowOffset = startOffset;
        this.size = size;
        this.lastSize = size == null ? -1 : size.getAsLong();
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
     * False only when the stream's size says fewer than {@code n} bytes are left. The size is asked
     * again before saying so, because a capture file may still be growing while it is read.
     */
    boolean mayHold(long n) {
        if (size == null || lastSize - position() >= n) {
            return true;
        }
        lastSize = size.getAsLong();
        return lastSize - position() >= n;
    }

    /** Bytes left by the size last asked, or -1 when the size is unknown. */
    long knownRemaining() {
        return size == null ? -1 : Math.max(0, lastSize - position());
    }

    /** Current window size in bytes, for tests that bound memory use. */
    int capacity() {
        return window.capacity();
    }

    /**
     * Makes {@code n} bytes available from the current position, reading and growing as needed.
     * Returns how many are available, which is less than {@code n} only at the end of the stream.
     * A compressed stream that is cut short or corrupt becomes a {@link CaptureFormatException} at
     * the current position (the start of the block being read).
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
                int grown = (int) Math.min(MAX_WINDOW, Math.max(2L * window.capacity(), (long) end + CHUNK));
                ByteBuffer bigger = ByteBuffer.allocate(grown).order(ByteOrder.LITTLE_ENDIAN);
                bigger.put(0, window, 0, end);
                window = bigger;
            }
            int r = readSome();
            if (r < 0) {
                eof = true;
            } else {
                end += r;
            }
        }
        return (int) Math.min(n, end - start);
    }

    private int readSome() throws IOException {
        try {
            return in.read(window.array(), end, window.capacity() - end);
        } catch (EOFException e) {
            eof = true;
            throw new CaptureFormatException(position(), "compressed stream ends early (" + e.getMessage()
                    + "); the file is truncated", e);
        } catch (ZipException e) {
            eof = true;
            throw new CaptureFormatException(position(), "compressed stream is damaged (" + e.getMessage() + ")", e);
        }
    }

    void skip(int n) {
        start += n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
