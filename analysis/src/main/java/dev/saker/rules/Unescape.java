package dev.saker.rules;

import dev.saker.rules.ConditionLanguage.ConditionError;
import java.util.function.Function;

/** Quoted-string unescaping as libsinsp's escaping.cpp does it, for the provisional parser. */
final class Unescape {
    private Unescape() {
    }

    /** {@code token} includes its delimiters. */
    static String quoted(String token, Function<String, ConditionError> error) throws ConditionError {
        char delim = token.charAt(0);
        String s = token.substring(1, token.length() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '\\' -> b.append('\\');
                case '/' -> b.append('/');
                // Kept by libsinsp so that old, wrongly escaped rules still load.
                case ' ' -> b.append('\\');
                case 'x' -> {
                    try {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    } catch (RuntimeException e) {
                        throw error.apply("unsupported string escape sequence: \\x");
                    }
                    i += 2;
                }
                default -> {
                    if (n == delim) {
                        b.append(n);
                    } else {
                        throw error.apply("unsupported string escape sequence: \\" + n);
                    }
                }
            }
        }
        return b.toString();
    }
}
