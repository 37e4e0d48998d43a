package dev.saker.index;

import java.util.Arrays;

/**
 * An append-only column of longs in fixed chunks: growing never copies what is stored, and a reader
 * on another thread sees every value below the size published after it was written.
 */
final class LongColumn {
    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;

    private long[][] chunks = new long[16][];
    private int size;

    void add(long v) {
        int c = size >>> CHUNK_BITS;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new long[CHUNK];
        }
        chunks[c][size & (CHUNK - 1)] = v;
        size++;
    }

    long get(int i) {
        return chunks[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    int size() {
        return size;
    }

    long bytes() {
        long n = 0;
        for (long[] c : chunks) {
            n += c == null ? 0 : (long) c.length * Long.BYTES;
        }
        return n;
    }
}
