package dev.saker.state;

/**
 * Path joining with libsinsp's sanitising rules (concatenate_paths): a relative path is appended to
 * the directory, "./" is dropped, "../" climbs one level but never above the start, repeated
 * slashes collapse, a trailing slash is removed and non-printable characters become '.'.
 */
public final class Paths {
    private Paths() {
    }

    /** {@code dir} must end with '/' as libsinsp's cwd does; an absolute {@code path} ignores it. */
    public static String concatenate(String dir, String path) {
        if (!path.isEmpty() && path.charAt(0) != '/') {
            StringBuilder sb = new StringBuilder(dir);
            sanitizeInto(sb, 0, path);
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        sanitizeInto(sb, 0, path);
        return sb.toString();
    }

    private static void sanitizeInto(StringBuilder t, int base, String p) {
        int i = 0;
        int n = p.length();
        while (true) {
            if (i >= n) {
                if (t.length() > base + 1 && t.charAt(t.length() - 1) == '/') {
                    t.setLength(t.length() - 1);
                }
                return;
            }
            char c = p.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                t.append('.');
                i++;
            } else if (c == '.' && at(p, i + 1) == '.' && at(p, i + 2) == '/') {
                rewind(t, base);
                i += 3;
            } else if (c == '.' && at(p, i + 1) == '.') {
                if (i + 2 >= n) {
                    rewind(t, base);
                    i += 2;
                } else {
                    t.append("..");
                    i += 2;
                }
            } else if (c == '.' && at(p, i + 1) == '/') {
                i += 2;
            } else if (c == '.') {
                if (i + 1 >= n) {
                    i++;
                } else {
                    t.append(c);
                    i++;
                }
            } else if (c == '/') {
                if (t.length() > base && t.charAt(t.length() - 1) == '/') {
                    i++;
                } else {
                    t.append(c);
                    i++;
                }
            } else {
                t.append(c);
                i++;
            }
        }
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** Moves back to just after the previous separator (rewind_to_parent_path). */
    private static void rewind(StringBuilder t, int base) {
        int tc = t.length();
        if (tc <= base + 1) {
            return;
        }
        tc--;
        while (tc >= base + 1 && t.charAt(tc - 1) != '/') {
            tc--;
        }
        t.setLength(Math.max(tc, base));
    }
}
