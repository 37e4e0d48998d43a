package dev.saker.fields;

/**
 * fnmatch(3) with no flags, as libsinsp's glob_match uses it: '*' matches any run of characters
 * (slashes and leading dots included), '?' one character, '[...]' a set ('!' or '^' negates,
 * ranges, a leading ']' is literal, [:class:] names), '\' quotes the next character; an unclosed
 * '[' is an ordinary character. The case-insensitive form (iglob, FNM_CASEFOLD) folds ASCII.
 * Matching walks the text in place: no allocation.
 */
public final class Glob {
    private Glob() {
    }

    public static boolean matches(String pattern, CharSequence text, boolean ignoreCase) {
        return matches(pattern, text, 0, text.length(), ignoreCase);
    }

    /** Whether {@code text[from, to)} matches the whole pattern. */
    public static boolean matches(String pattern, CharSequence text, int from, int to, boolean ignoreCase) {
        int p = 0;
        int t = from;
        int starP = -1;
        int starT = -1;
        while (t < to) {
            if (p < pattern.length()) {
                char pc = pattern.charAt(p);
                if (pc == '*') {
                    starP = ++p;
                    starT = t;
                    continue;
                }
                int next = matchOne(pattern, p, text.charAt(t), ignoreCase);
                if (next >= 0) {
                    p = next;
                    t++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP;
            t = ++starT;
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** If the pattern element at {@code p} matches {@code c}, the index after it; else -1. */
    private static int matchOne(String pattern, int p, char c, boolean ignoreCase) {
        char pc = pattern.charAt(p);
        if (pc == '?') {
            return p + 1;
        }
        if (pc == '[') {
            int end = bracketEnd(pattern, p);
            if (end > 0) {
                return inBracket(pattern, p + 1, end, c, ignoreCase) ? end + 1 : -1;
            }
            return same(pc, c, ignoreCase) ? p + 1 : -1;
        }
        if (pc == '\\' && p + 1 < pattern.length()) {
            return same(pattern.charAt(p + 1), c, ignoreCase) ? p + 2 : -1;
        }
        return same(pc, c, ignoreCase) ? p + 1 : -1;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && lower(a) == lower(b));
    }

    public static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Index of the ']' closing the set opened at {@code open}, or -1. */
    private static int bracketEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == ':') {
                int close = pattern.indexOf(":]", i + 2);
                if (close > 0) {
                    i = close + 2;
                    continue;
                }
            }
            if (c == ']') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean inBracket(String pattern, int from, int end, char c, boolean ignoreCase) {
        boolean negate = pattern.charAt(from) == '!' || pattern.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        boolean first = true;
        while (i < end) {
            char lo = pattern.charAt(i);
            if (lo == '[' && i + 1 < end && pattern.charAt(i + 1) == ':') {
                int close = pattern.indexOf(":]", i + 2);
                found |= inClass(pattern.substring(i + 2, close), c);
                i = close + 2;
                first = false;
                continue;
            }
            if (lo == ']' && !first) {
                break;
            }
            first = false;
            if (i + 2 < end && pattern.charAt(i + 1) == '-') {
                char hi = pattern.charAt(i + 2);
                found |= (c >= lo && c <= hi) || (ignoreCase && lower(c) >= lower(lo) && lower(c) <= lower(hi));
                i += 3;
            } else {
                found |= same(lo, c, ignoreCase);
                i++;
            }
        }
        return found != negate;
    }

    private static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> Character.isLetter(c) && c < 128;
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> (Character.isLetterOrDigit(c)) && c < 128;
            case "upper" -> c >= 'A' && c <= 'Z';
            case "lower" -> c >= 'a' && c <= 'z';
            case "space" -> c == ' ' || (c >= '\t' && c <= '\r');
            case "blank" -> c == ' ' || c == '\t';
            case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "xdigit" -> Character.digit(c, 16) >= 0 && c < 128;
            case "cntrl" -> c < 32 || c == 127;
            case "print" -> c >= 32 && c < 127;
            case "graph" -> c > 32 && c < 127;
            default -> false;
        };
    }
}
