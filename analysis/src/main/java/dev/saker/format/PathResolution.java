package dev.saker.format;

/**
 * Resolution of a relative path against a base directory as libsinsp's concatenate_paths does it:
 * absolute paths are not resolved (sysdig then prints no resolved form); relative ones are appended
 * to the base with "./" dropped, "../" climbing, doubled '/' collapsed, non-printable bytes turned to
 * '.', and a trailing '/' removed.
 */
final class PathResolution {
    private PathResolution() {
    }

    /** The resolved path, or null when {@code path} is empty or absolute. */
    static String resolve(String base, String path) {
        if (path.isEmpty() || path.charAt(0) == '/') {
            return null;
        }
        StringBuilder t = new StringBuilder(base);
        int p = 0;
        int n = path.length();
        while (p < n) {
            char c = path.charAt(p);
            char c1 = p + 1 < n ? path.charAt(p + 1) : 0;
            char c2 = p + 2 < n ? path.charAt(p + 2) : 0;
            if (!PrintableText.isPrintable(c)) {
                t.append('.');
                p++;
            } else if (c == '.' && c1 == '.' && c2 == '/') {
                rewindToParent(t);
                p += 3;
            } else if (c == '.' && c1 == '.') {
                if (p + 2 == n) {
                    rewindToParent(t);
                    p += 2;
                } else {
                    t.append("..");
                    p += 2;
                }
            } else if (c == '.' && c1 == '/') {
                p += 2;
            } else if (c == '.') {
                if (p + 1 != n) {
                    t.append('.');
                }
                p++;
            } else if (c == '/') {
                if (t.length() == 0 || t.charAt(t.length() - 1) != '/') {
                    t.append('/');
                }
                p++;
            } else {
                t.append(c);
                p++;
            }
        }
        if (t.length() > 1 && t.charAt(t.length() - 1) == '/') {
            t.setLength(t.length() - 1);
        }
        return t.toString();
    }

    /** rewind_to_parent_path: back to just after the previous '/', never before the first character. */
    private static void rewindToParent(StringBuilder t) {
        int tc = t.length();
        if (tc <= 1) {
            return;
        }
        tc--;
        while (tc >= 1 && t.charAt(tc - 1) != '/') {
            tc--;
        }
        t.setLength(Math.max(tc, 0));
    }
}
