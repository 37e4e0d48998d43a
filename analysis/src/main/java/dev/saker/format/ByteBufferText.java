package dev.saker.format;

import java.nio.ByteBuffer;

/**
 * Byte buffers (I/O data, args, env, cgroups) in sysdig's default form: printable ASCII kept, every
 * other byte a '.', and, because sysdig sets an output length of 80 unless run with -v, anything
 * longer cut to 77 characters followed by "...".
 */
final class ByteBufferText {
    /** sysdig's set_max_evt_output_len(80) in non-verbose mode. */
    static final int SYSDIG_MAX_OUTPUT_LEN = 80;

    private ByteBufferText() {
    }

    static String dots(ByteBuffer buf, int off, int len, int maxOutputLen) {
        boolean cut = maxOutputLen > 0 && len > maxOutputLen;
        int shown = cut ? maxOutputLen - 3 : len;
        StringBuilder out = new StringBuilder(cut ? maxOutputLen : len);
        for (int i = 0; i < shown; i++) {
            int b = Byte.toUnsignedInt(buf.get(off + i));
            out.append(PrintableText.isPrintable(b) ? (char) b : '.');
        }
        if (cut) {
            out.append("...");
        }
        return out.toString();
    }
}
