package dev.saker.index;

import java.util.Arrays;

/** As {@link LongColumn}, for ints: event numbers' low halves, pool ids, row positions. */
final class IntColumn {
    private static final int CHUNK_BITS = LongColumn.CHUNK_BITS;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private int[][] chunks = new int[16][];
    private int size;

    void add(int v) {
        int c = size >>> CHUNK_BITS;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new int[CHUNK];
        }
        chunks[c][size & (CHUNK - 1)] = v;
        size++;
    }

    int get(int i) {
        return chunks[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    int size() {
        return size;
    }

    long bytes() {
        long n = 0;
        for (int[] c : chunks) {
            n += c == null ? 0 : (long) c.length * Integer.BYTES;
        }
        return n;
    }
}
