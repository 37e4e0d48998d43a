package dev.saker.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines encoded as UTF-8 into a growable byte array, the way {@code saker read} writes them: ASCII
 * (nearly all of a line) one byte per character, a lone surrogate as '?'.
 */
final class Utf8Bytes {
    private byte[] bytes = new byte[1 << 16];
    private int size;

    /** Appends the line's characters and a '\n'. */
    void appendLine(StringBuilder line) {
        // The JDK encodes a Latin-1 string (every ASCII line) with one vectorised copy: a quarter of
        // the time a per-character loop takes, allocations included. Lone surrogates become '?'.
        byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
        ensure(size + b.length + 1);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        bytes[size++] = '\n';
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }

    int size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    void clear() {
        size = 0;
    }
}
