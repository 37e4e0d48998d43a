package dev.saker.format;

import java.nio.ByteBuffer;

/**
 * libsinsp's text sanitising. It runs in the C locale, so only bytes 0x20-0x7E are printable; names
 * of fds, paths and socket paths lose every other byte, and byte buffers show them as '.'.
 */
final class PrintableText {
    private PrintableText() {
    }

    static boolean isPrintable(int b) {
        return b >= 0x20 && b < 0x7f;
    }

    /** sanitize_string: drops every non-printable character. */
    static String sanitize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = isPrintable(c);
            if (!ok && out == null) {
                out = new StringBuilder(s.substring(0, i));
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * Bytes up to the first NUL (or {@code len}), keeping printable ones only (strcpy_sanitized). A
     * string that fills its buffer without a NUL loses its last byte there, as in libsinsp.
     */
    static String sanitizedCString(ByteBuffer buf, int off, int len) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < len; i++) {
            int b = Byte.toUnsignedInt(buf.get(off + i));
            if (b == 0) {
                return out.toString();
            }
            if (isPrintable(b)) {
                out.append((char) b);
            }
        }
        if (out.length() > 0 && isPrintable(Byte.toUnsignedInt(buf.get(off + len - 1)))) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** Raw bytes up to the first NUL, decoded as UTF-8 and not sanitised (libsinsp's "%s" of a CHARBUF). */
    static String cString(ByteBuffer buf, int off, int len) {
        int end = off;
        while (end < off + len && buf.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - off];
        buf.get(off, bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
