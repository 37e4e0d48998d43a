package dev.saker.filter;

import dev.saker.fields.Glob;
import java.util.ArrayList;
import java.util.List;

/**
 * pmatch: whether a path lies at or below one of a set of paths, component by component, as
 * libsinsp's path_prefix_search decides it. Paths split on '/' with empty components dropped, so
 * {@code /tmp/hello} matches {@code /tmp/hello} and {@code /tmp/hello/world} but not
 * {@code /tmp/hello_world}; a component with glob characters matches by glob ({@code /var/*}
 * matches {@code /var/run/file.txt}). Matching walks the path in place without allocating.
 */
final class PathPrefixes {
    /** Each prefix's components; an array, not a list, so matching creates no iterator. */
    private final String[][] prefixes;

    PathPrefixes(List<String> paths) {
        List<String[]> all = new ArrayList<>();
        for (String p : paths) {
            List<String> comps = new ArrayList<>();
            for (String c : p.split("/")) {
                if (!c.isEmpty()) {
                    comps.add(c);
                }
            }
            all.add(comps.toArray(new String[0]));
        }
        prefixes = all.toArray(new String[0][]);
    }

    boolean matches(String path) {
        for (String[] prefix : prefixes) {
            if (isPrefix(prefix, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPrefix(String[] prefix, String path) {
        int pos = 0;
        int n = path.length();
        for (String comp : prefix) {
            while (pos < n && path.charAt(pos) == '/') {
                pos++;
            }
            if (pos >= n) {
                return false;
            }
            int end = path.indexOf('/', pos);
            if (end < 0) {
                end = n;
            }
            boolean glob = comp.indexOf('*') >= 0 || comp.indexOf('?') >= 0 || comp.indexOf('[') >= 0;
            boolean same = glob ? Glob.matches(comp, path, pos, end, false)
                    : end - pos == comp.length() && path.startsWith(comp, pos);
            if (!same) {
                return false;
            }
            pos = end;
        }
        return true;
    }
}
