package dev.saker.scap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads the fields of one metadata block body, failing with the block's offset when it runs short. */
final class BodyCursor {
    private final ByteBuffer buf;
    private final int end;
    private final long blockOffset;
    private final String what;
    private int pos;

    BodyCursor(ByteBuffer buf, int start, int length, long blockOffset, String what) {
        this.buf = buf;
        this.pos = start;
        this.end = start + length;
        this.blockOffset = blockOffset;
        this.what = what;
    }

    int remaining() {
        return end - pos;
    }

    int position() {
        return pos;
    }

    void seek(int position) throws CaptureFormatException {
        if (position > end || position < pos) {
            throw short_(position - pos);
        }
        pos = position;
    }

    private CaptureFormatException short_(int need) {
        return new CaptureFormatException(blockOffset, what + " block is shorter than its contents (needed " + need
                + " more bytes, " + remaining() + " left)");
    }

    private void need(int n) throws CaptureFormatException {
        if (n < 0 || end - pos < n) {
            throw short_(n);
        }
    }

    int u8() throws CaptureFormatException {
        need(1);
        return Byte.toUnsignedInt(buf.get(pos++));
    }

    int u16() throws CaptureFormatException {
        need(2);
        int v = Short.toUnsignedInt(buf.getShort(pos));
        pos += 2;
        return v;
    }

    int u32() throws CaptureFormatException {
        need(4);
        int v = buf.getInt(pos);
        pos += 4;
        return v;
    }

    long u64() throws CaptureFormatException {
        need(8);
        long v = buf.getLong(pos);
        pos += 8;
        return v;
    }

    byte[] bytes(int n) throws CaptureFormatException {
        need(n);
        byte[] b = new byte[n];
        buf.get(pos, b);
        pos += n;
        return b;
    }

    /** A u16-length-prefixed string, not NUL-terminated on disk (a trailing NUL is dropped). */
    String str(int max, String field) throws CaptureFormatException {
        int n = u16();
        if (n > max) {
            throw new CaptureFormatException(blockOffset, "invalid " + field + " length " + n + " in " + what + " block");
        }
        byte[] b = bytes(n);
        int len = 0;
        while (len < n && b[len] != 0) {
            len++;
        }
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }

    /** A u16-length-prefixed NUL-separated list, kept as bytes. */
    byte[] strBytes(int max, String field) throws CaptureFormatException {
        int n = u16();
        if (n > max) {
            throw new CaptureFormatException(blockOffset, "invalid " + field + " length " + n + " in " + what + " block");
        }
        return bytes(n);
    }
}
