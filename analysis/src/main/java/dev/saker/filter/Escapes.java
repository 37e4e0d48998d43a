package dev.saker.filter;

/**
 * The escapes of quoted strings (libs escaping.cpp): {@code \b \f \n \r \t \\ \/ \xHH}, the
 * string's own quote, and the legacy {@code \␣}, which yields a lone backslash and drops the space
 * (kept by libs so that old, wrongly escaped rules still load).
 */
final class Escapes {
    private Escapes() {
    }

    /** The content between {@code open} (a quote) and {@code close} (its closing quote). */
    static String unescape(String text, int open, int close, char delimiter) {
        StringBuilder b = new StringBuilder(close - open);
        for (int i = open + 1; i < close; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            int at = i;
            i++;
            char e = text.charAt(i);
            switch (e) {
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case ' ', '\\' -> b.append('\\');
                case '/' -> b.append('/');
                case '"', '\'' -> {
                    if (e != delimiter) {
                        throw bad(at, at + 2, e == '"' ? "invalid \\\" escape in '-quoted string"
                                : "invalid \\' escape in \"-quoted string");
                    }
                    b.append(e);
                }
                case 'x' -> {
                    if (i + 2 >= close) {
                        throw bad(at, close, "truncated hex char escape sequence");
                    }
                    int hi = Character.digit(text.charAt(i + 1), 16);
                    int lo = Character.digit(text.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        throw bad(at, i + 3, "invalid hex char escape sequence: " + text.substring(i + 1, i + 3));
                    }
                    b.append((char) (hi * 16 + lo));
                    i += 2;
                }
                default -> throw bad(at, at + 2, "unsupported string escape sequence: \\" + e);
            }
        }
        return b.toString();
    }

    private static Failure bad(int start, int end, String message) {
        return new Failure(FilterProblem.Code.BAD_ESCAPE, message, start, end);
    }
}
