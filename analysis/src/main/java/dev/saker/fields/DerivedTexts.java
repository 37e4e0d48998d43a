package dev.saker.fields;

import dev.saker.state.SocketNames;

/**
 * Texts the fields derive from state values on every event (an address's dotted form, a path's
 * directory or file name, an address parsed back from its text), remembered by the identity of
 * what they were derived from: the state replaces such values rather than changing them, so an
 * event of a known fd costs no new string. Open-addressed tables of immutable entries probed over a
 * short window, the home slot replaced when the window is full (a later miss only means deriving
 * again); unsynchronised reads see an old or a new entry, both correct.
 */
public final class DerivedTexts {
    private static final int SIZE = 16384;
    private static final int WINDOW = 8;
    private static final Entry[] IP_BY_ADDRESS = new Entry[SIZE];
    private static final Entry[] ADDRESS_BY_IP = new Entry[SIZE];
    private static final Entry[] DIRECTORY_BY_NAME = new Entry[SIZE];
    private static final Entry[] FILENAME_BY_NAME = new Entry[SIZE];
    private static final Entry[] SQUEEZED_BY_NAME = new Entry[SIZE];

    private record Entry(Object source, Object derived) {
    }

    private DerivedTexts() {
    }

    /** An address as fd.sip and friends print it. */
    public static String ip(byte[] addr) {
        Object known = find(IP_BY_ADDRESS, addr);
        if (known != null) {
            return (String) known;
        }
        String text = SocketNames.ip(addr);
        put(IP_BY_ADDRESS, addr, text);
        put(ADDRESS_BY_IP, text, addr);
        return text;
    }

    /** The address a text from {@link #ip} came from, or null when this text is not known. */
    public static byte[] addressOf(String text) {
        return find(ADDRESS_BY_IP, text) instanceof byte[] b ? b : null;
    }

    /** fd.directory of a file name: the part before the last '/', "/" for a name in the root. */
    static String directory(String name) {
        int slash = name.lastIndexOf('/');
        if (slash <= 0) {
            return "/";
        }
        if (slash == name.length() - 1) {
            return name;
        }
        Object known = find(DIRECTORY_BY_NAME, name);
        if (known != null) {
            return (String) known;
        }
        String dir = name.substring(0, slash);
        put(DIRECTORY_BY_NAME, name, dir);
        return dir;
    }

    /** fd.filename of a file name: the part after the last '/' ("/" without one, the name when it ends in '/'). */
    static String filename(String name) {
        int slash = name.lastIndexOf('/');
        if (slash < 0) {
            return "/";
        }
        if (slash == name.length() - 1) {
            return name;
        }
        Object known = find(FILENAME_BY_NAME, name);
        if (known != null) {
            return (String) known;
        }
        String file = name.substring(slash + 1);
        put(FILENAME_BY_NAME, name, file);
        return file;
    }

    /** A name with every run of '/' squeezed to one (fd.nameraw), the name itself when it has none. */
    static String squeezed(String name) {
        if (!name.contains("//")) {
            return name;
        }
        Object known = find(SQUEEZED_BY_NAME, name);
        if (known != null) {
            return (String) known;
        }
        String s = name.replaceAll("/{2,}", "/");
        put(SQUEEZED_BY_NAME, name, s);
        return s;
    }

    private static Object find(Entry[] table, Object source) {
        int home = slot(source);
        for (int p = 0; p < WINDOW; p++) {
            Entry e = table[(home + p) & (SIZE - 1)];
            if (e == null) {
                return null;
            }
            if (e.source == source) {
                return e.derived;
            }
        }
        return null;
    }

    private static void put(Entry[] table, Object source, Object derived) {
        Entry n = new Entry(source, derived);
        int home = slot(source);
        for (int p = 0; p < WINDOW; p++) {
            int s = (home + p) & (SIZE - 1);
            if (table[s] == null) {
                table[s] = n;
                return;
            }
        }
        table[home] = n;
    }

    private static int slot(Object o) {
        int h = System.identityHashCode(o);
        return (h ^ (h >>> 16)) & (SIZE - 1);
    }
}
