package dev.saker.app;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Text output encoded as UTF-8 straight into a byte buffer: appending a line costs no String and no
 * encoder call for the ASCII that nearly all of it is (a Writer turns every appended sequence into a
 * String first).
 */
final class Utf8Output implements Appendable {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int n;

    Utf8Output(OutputStream out) {
        this.out = out;
    }

    private char[] chars = new char[1024];

    @Override
    public Appendable append(CharSequence s) throws IOException {
        return append(s, 0, s.length());
    }

    @Override
    public Appendable append(CharSequence s, int start, int end) throws IOException {
        // one bulk copy, then a plain array loop: charAt per character costs a bounds and coder check
        int len = end - start;
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        if (s instanceof StringBuilder sb) {
            sb.getChars(start, end, chars, 0);
        } else {
            s.toString().getChars(start, end, chars, 0);
        }
        for (int i = 0; i < len; i++) {
            char c = chars[i];
            if (c < 0x80) {
                if (n == buf.length) {
                    drain();
                }
                buf[n++] = (byte) c;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(chars[i + 1])) {
                codePoint(Character.toCodePoint(c, chars[++i]));
            } else {
                codePoint(Character.isSurrogate(c) ? '?' : c);
            }
        }
        return this;
    }

    @Override
    public Appendable append(char c) throws IOException {
        return append(String.valueOf(c));
    }

    private void codePoint(int cp) throws IOException {
        if (buf.length - n < 4) {
            drain();
        }
        if (cp < 0x800) {
            buf[n++] = (byte) (0xC0 | cp >> 6);
        } else if (cp < 0x10000) {
            buf[n++] = (byte) (0xE0 | cp >> 12);
            buf[n++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        } else {
            buf[n++] = (byte) (0xF0 | cp >> 18);
            buf[n++] = (byte) (0x80 | (cp >> 12 & 0x3F));
            buf[n++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        }
        buf[n++] = (byte) (0x80 | (cp & 0x3F));
    }

    private void drain() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }
}
