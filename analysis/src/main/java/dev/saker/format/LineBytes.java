package dev.saker.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Output lines built as UTF-8 bytes, the bytes {@code String.getBytes(UTF_8)} gives for the same text.
 * {@code saker read} prints millions of lines: building each in a StringBuilder, copying it into a
 * String and encoding that was over a third of its time, so the hot fields write their bytes here
 * directly (digits, copies of text encoded once, bytes of the event itself) and the buffer goes to
 * the output stream whole, many lines at a time.
 */
final class LineBytes {
    /** Slots of the identity cache of encoded strings (a power of two). */
    private static final int CACHE = 2048;

    private byte[] buf = new byte[1 << 16];
    private int len;
    private final String[] cachedText = new String[CACHE];
    private final byte[][] cachedBytes = new byte[CACHE][];
    private final String[] sanitizedText = new String[CACHE];
    private final byte[][] sanitizedBytes = new byte[CACHE][];

    int length() {
        return len;
    }

    /** Drops everything from {@code length} on (a line the format does not print). */
    void setLength(int length) {
        len = length;
    }

    byte[] array() {
        return buf;
    }

    /** Writes what was built to {@code out} and starts empty. */
    void drainTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    private void room(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** One ASCII character. */
    LineBytes ascii(char c) {
        room(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Bytes already encoded. */
    LineBytes bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    /**
     * Part of an array of bytes already encoded. Always the copy intrinsic, however short the run: a
     * byte loop for runs up to 16 bytes (most names, numbers, separators) cost {@code saker read} about
     * 10% more CPU on the 5M-event file, in paired in-process runs.
     */
    LineBytes bytes(byte[] b, int from, int n) {
        room(n);
        System.arraycopy(b, from, buf, len, n);
        len += n;
        return this;
    }

    /**
     * Text that is the same object every time it comes back (names from tables, thread names, fd
     * names): encoded once and then copied, found again by identity in a small direct-mapped cache.
     */
    LineBytes text(String s) {
        int slot = System.identityHashCode(s) & (CACHE - 1);
        byte[] b;
        if (cachedText[slot] == s) {
            b = cachedBytes[slot];
        } else {
            b = s.getBytes(StandardCharsets.UTF_8);
            cachedText[slot] = s;
            cachedBytes[slot] = b;
        }
        return bytes(b);
    }

    /** Text made for this line only: encoded here (one vectorised copy for ASCII). */
    LineBytes fresh(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Part of a StringBuilder (the general path of fields without a byte writer). */
    LineBytes fresh(CharSequence s, int from, int to) {
        return fresh(s.subSequence(from, to).toString());
    }

    /** A decimal number, as Long.toString writes it. */
    LineBytes number(long v) {
        room(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return bytes(MIN_LONG);
            }
            buf[len++] = '-';
            v = -v;
        }
        len = digits(v, len);
        return this;
    }

    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    /** Writes non-negative {@code v} at {@code at}; answers the end. */
    private int digits(long v, int at) {
        if (v <= Integer.MAX_VALUE) {
            return digits((int) v, at);
        }
        int n = 10;
        for (long t = v / 10_000_000_000L; t > 0; t /= 10) {
            n++;
        }
        int p = at + n;
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            buf[--p] = ONES[r];
            buf[--p] = TENS[r];
            v = q;
        }
        digits((int) v, at);   // exactly the remaining leading digits, ending at p
        return at + n;
    }

    /** Writes non-negative {@code v} at {@code at}, two digits per division; answers the end. */
    private int digits(int v, int at) {
        int n = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5 : v < 1_000_000 ? 6
                : v < 10_000_000 ? 7 : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
        int p = at + n;
        while (v >= 100) {
            int q = v / 100;
            int r = v - q * 100;
            buf[--p] = ONES[r];
            buf[--p] = TENS[r];
            v = q;
        }
        if (v >= 10) {
            buf[--p] = ONES[v];
            buf[--p] = TENS[v];
        } else {
            buf[--p] = (byte) ('0' + v);
        }
        return at + n;
    }

    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    /** {@code v} (0 to 999,999,999) as exactly nine digits, zero-padded. */
    LineBytes nineDigits(int v) {
        room(9);
        int p = len + 9;
        for (int k = 0; k < 4; k++) {
            int q = v / 100;
            int r = v - q * 100;
            buf[--p] = ONES[r];
            buf[--p] = TENS[r];
            v = q;
        }
        buf[--p] = (byte) ('0' + v);
        len += 9;
        return this;
    }

    /** A character of the line (fd type letters): ASCII as itself, anything else encoded. */
    LineBytes utf8Char(char c) {
        return c < 0x80 ? ascii(c) : fresh(String.valueOf(c));
    }

    /**
     * {@link PrintableText#sanitize} of a name that comes back as the same object (fd names): the
     * sanitised bytes are kept by identity like {@link #text}.
     */
    LineBytes sanitized(String s) {
        int slot = System.identityHashCode(s) & (CACHE - 1);
        byte[] b;
        if (sanitizedText[slot] == s) {
            b = sanitizedBytes[slot];
        } else {
            b = PrintableText.sanitize(s).getBytes(StandardCharsets.UTF_8);
            sanitizedText[slot] = s;
            sanitizedBytes[slot] = b;
        }
        return bytes(b);
    }

    /** {@code v} as unsigned upper-case hex, as Long.toHexString(v).toUpperCase() writes it. */
    LineBytes hex(long v) {
        int n = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 3) / 4);
        room(n);
        for (int p = len + n - 1; p >= len; p--) {
            buf[p] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        len += n;
        return this;
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /**
     * The bytes up to the first NUL (or {@code n}) when they are all ASCII, which is then also their
     * UTF-8 decoding re-encoded ({@link PrintableText#cString}); false, writing nothing, otherwise.
     */
    boolean asciiCString(ByteBuffer b, int off, int n) {
        if (!b.hasArray()) {
            return false;
        }
        byte[] src = b.array();
        int base = b.arrayOffset() + off;
        int end = 0;
        while (end < n && src[base + end] != 0) {
            if (src[base + end] < 0) {
                return false;
            }
            end++;
        }
        room(end);
        System.arraycopy(src, base, buf, len, end);
        len += end;
        return true;
    }

    /** Buffer bytes with every byte outside 0x20-0x7E shown as '.' (sysdig's byte buffers). */
    LineBytes dots(ByteBuffer b, int off, int n) {
        room(n);
        byte[] dst = buf;
        int p = len;
        if (b.hasArray()) {
            byte[] src = b.array();
            int base = b.arrayOffset() + off;
            for (int i = 0; i < n; i++) {
                byte c = src[base + i];
                dst[p + i] = c >= 0x20 && c < 0x7f ? c : (byte) '.';
            }
        } else {
            for (int i = 0; i < n; i++) {
                byte c = b.get(off + i);
                dst[p + i] = c >= 0x20 && c < 0x7f ? c : (byte) '.';
            }
        }
        len = p + n;
        return this;
    }
}
