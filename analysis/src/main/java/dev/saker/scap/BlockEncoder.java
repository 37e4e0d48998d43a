package dev.saker.scap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one savefile block in memory (little-endian, as every libscap-supported host writes) and
 * frames it: {@code u32 type, u32 total length, body, zero padding to 4 bytes, u32 total length}.
 * One instance is reused for every block so writing events does not allocate.
 */
final class BlockEncoder {
    private static final int FRAME_HEADER = 8;

    private byte[] buf = new byte[1 << 12];
    private int len;

    /** Starts a block; the total length is filled in by {@link #finish()}. */
    BlockEncoder begin(int blockType) {
        len = 0;
        u32(blockType);
        u32(0);
        return this;
    }

    /** Pads the body to a multiple of 4, appends the trailer and patches the header's length. */
    BlockEncoder finish() {
        int body = len - FRAME_HEADER;
        int padded = (body + 3) & ~3;
        ensure(padded - body + 4);
        Arrays.fill(buf, len, len + padded - body, (byte) 0);
        len += padded - body;
        int total = len + 4;
        putU32(4, total);
        u32(total);
        return this;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    /** Bytes encoded so far, including the 8-byte frame header. */
    int size() {
        return len;
    }

    /** Bytes of body so far (after the frame header). */
    int bodySize() {
        return len - FRAME_HEADER;
    }

    void u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
    }

    void u32(int v) {
        ensure(4);
        putU32(len, v);
        len += 4;
    }

    void u64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
    }

    void putU32(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    void bytes(byte[] b, int n) {
        ensure(n);
        System.arraycopy(b, 0, buf, len, Math.min(n, b.length));
        if (n > b.length) {
            Arrays.fill(buf, len + b.length, len + n, (byte) 0);
        }
        len += n;
    }

    /** Copies {@code n} bytes from an absolute position of a buffer (an event view). */
    void bytes(ByteBuffer src, int at, int n) {
        ensure(n);
        src.get(at, buf, len, n);
        len += n;
    }

    /**
     * A savefile string: {@code u16 length} then the bytes, no NUL. Longer values are cut to
     * {@code limit} bytes, because both libscap readers reject a length above their buffer size
     * and fail the whole file rather than the one entry.
     */
    void str(byte[] b, int limit) {
        byte[] v = b == null ? new byte[0] : b;
        int n = Math.min(v.length, limit);
        u16(n);
        bytes(v, n);
    }

    void str(String s, int limit) {
        str(s == null ? null : s.getBytes(StandardCharsets.UTF_8), limit);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
