package dev.saker.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Lines encoded as UTF-8 into a growable byte array, the way {@code saker read} writes them: ASCII
 * (nearly all of a line) one byte per character, a lone surrogate as '?' (what String.getBytes does).
 */
final class Utf8Bytes {
    private byte[] bytes = new byte[1 << 16];
    private int size;
    private char[] chars = new char[1024];

    /** Appends the line's characters and a '\n'. */
    void appendLine(StringBuilder line) {
        int len = line.length();
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        // one bulk copy, then a plain array loop: charAt per character costs a bounds and coder check
        line.getChars(0, len, chars, 0);
        // at most 3 bytes per char (a surrogate pair takes 4 for 2 chars), plus the newline
        ensure(size + 3 * len + 1);
        byte[] b = bytes;
        int n = size;
        char[] cs = chars;
        for (int i = 0; i < len; i++) {
            char c = cs[i];
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(cs[i + 1])) {
                int cp = Character.toCodePoint(c, cs[++i]);
                b[n++] = (byte) (0xF0 | cp >> 18);
                b[n++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                b[n++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?';
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | (c >> 6 & 0x3F));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[n++] = '\n';
        size = n;
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
