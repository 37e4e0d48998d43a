package dev.saker.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LineBytes writes what the JDK's own formatting and UTF-8 encoding give for the same values. */
class LineBytesTest {
    private static String of(LineBytes b) {
        return new String(b.array(), 0, b.length(), StandardCharsets.UTF_8);
    }

    private static byte[] bytesOf(LineBytes b) {
        return Arrays.copyOf(b.array(), b.length());
    }

    /** Seeded loop over every magnitude, both signs and the extremes. */
    @Test
    void numbersAreLongToString() {
        Random r = new Random(20261128);
        long[] edges = {0, 1, 9, 10, 99, 100, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE,
                9_999_999_999L, 10_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1};
        for (long v : edges) {
            assertThat(of(new LineBytes().number(v))).isEqualTo(Long.toString(v));
        }
        for (int i = 0; i < 20_000; i++) {
            long v = r.nextLong() >> r.nextInt(64);
            assertThat(of(new LineBytes().number(v))).as("%d", v).isEqualTo(Long.toString(v));
        }
    }

    @Test
    void hexIsUpperCaseUnsignedHex() {
        Random r = new Random(7);
        for (long v : new long[] {0, 1, 15, 16, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x7F543D0C1000L}) {
            assertThat(of(new LineBytes().hex(v))).isEqualTo(Long.toHexString(v).toUpperCase());
        }
        for (int i = 0; i < 10_000; i++) {
            long v = r.nextLong() >>> r.nextInt(64);
            assertThat(of(new LineBytes().hex(v))).isEqualTo(Long.toHexString(v).toUpperCase());
        }
    }

    @Test
    void nineDigitsArePaddedNanoseconds() {
        Random r = new Random(9);
        for (int v : new int[] {0, 1, 999_999_999, 100_000_000, 5}) {
            assertThat(of(new LineBytes().nineDigits(v))).isEqualTo(String.format("%09d", v));
        }
        for (int i = 0; i < 10_000; i++) {
            int v = r.nextInt(1_000_000_000);
            assertThat(of(new LineBytes().nineDigits(v))).isEqualTo(String.format("%09d", v));
        }
    }

    @Test
    void textIsUtf8AndTheCacheKeepsApartEqualLookingStrings() {
        LineBytes b = new LineBytes();
        String accented = "caf\u00e9 \u65e5\u672c \ud83d\ude00";
        b.text(accented).text(accented).fresh("\u00ff").utf8Char('\u00e9').utf8Char('x');
        assertThat(bytesOf(b)).isEqualTo((accented + accented + "\u00ff\u00e9x").getBytes(StandardCharsets.UTF_8));
        // two distinct objects with the same characters, and strings over and over past the cache size
        LineBytes c = new LineBytes();
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            String s = new String("n" + (i % 3000));
            c.text(s);
            want.append(s);
        }
        assertThat(of(c)).isEqualTo(want.toString());
    }

    @Test
    void sanitizedDropsWhatPrintableTextDrops() {
        String name = "/tmp/a\tb\u00e9\nc";
        assertThat(of(new LineBytes().sanitized(name).sanitized(name)))
                .isEqualTo(PrintableText.sanitize(name) + PrintableText.sanitize(name));
    }

    @Test
    void dotsAndCStringsFollowTheirStringForms() {
        byte[] all = new byte[300];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        assertThat(of(new LineBytes().dots(b, 0, 256))).isEqualTo(ByteBufferText.dots(b, 0, 256, 0));
        // an ASCII string up to its NUL is copied; a non-ASCII one is left to the general path
        ByteBuffer s = ByteBuffer.wrap("abc\0def".getBytes(StandardCharsets.UTF_8));
        LineBytes l = new LineBytes();
        assertThat(l.asciiCString(s, 0, 7)).isTrue();
        assertThat(of(l)).isEqualTo(PrintableText.cString(s, 0, 7));
        ByteBuffer u = ByteBuffer.wrap("ab\u00e9".getBytes(StandardCharsets.UTF_8));
        LineBytes m = new LineBytes().ascii('x');
        assertThat(m.asciiCString(u, 0, u.capacity())).isFalse();
        assertThat(of(m)).isEqualTo("x");
    }
}
