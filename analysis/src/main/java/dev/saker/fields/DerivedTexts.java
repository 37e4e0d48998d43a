package dev.saker.fields;

import dev.saker.state.SocketNames;

/**
 * Texts the fields derive from state values on every event (an address's dotted form, a path's
 * directory, an address parsed back from its text), remembered by the identity of what they were
 * derived from: the state replaces such values rather than changing them, so an event of a known
 * fd costs no new string. Direct-mapped tables of immutable entries; a collision or a racing write
 * only means deriving again.
 */
public final class DerivedTexts {
    private static final int SIZE = 16384;
    private static final Entry[] BY_SOURCE = new Entry[SIZE];
    private static final Entry[] BY_TEXT = new Entry[SIZE];

    private record Entry(Object source, String text) {
    }

    private DerivedTexts() {
    }

    /** An address as fd.sip and friends print it. */
    public static String ip(byte[] addr) {
        Entry e = BY_SOURCE[slot(addr)];
        if (e != null && e.source == addr) {
            return e.text;
        }
        String text = SocketNames.ip(addr);
        Entry n = new Entry(addr, text);
        BY_SOURCE[slot(addr)] = n;
        BY_TEXT[slot(text)] = n;
        return text;
    }

    /** The address a text from {@link #ip} came from, or null when this text is not known. */
    public static byte[] addressOf(String text) {
        Entry e = BY_TEXT[slot(text)];
        return e != null && e.text == text && e.source instanceof byte[] b ? b : null;
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
        Entry e = BY_SOURCE[slot(name)];
        if (e != null && e.source == name) {
            return e.text;
        }
        String dir = name.substring(0, slash);
        BY_SOURCE[slot(name)] = new Entry(name, dir);
        return dir;
    }

    private static int slot(Object o) {
        int h = System.identityHashCode(o);
        return (h ^ (h >>> 16)) & (SIZE - 1);
    }
}
