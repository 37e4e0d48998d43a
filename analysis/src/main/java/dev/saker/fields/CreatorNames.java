package dev.saker.fields;

import dev.saker.scap.RawEvent;
import java.nio.ByteBuffer;

/**
 * The names {@link FdCreators} builds from an event's own bytes (a failed open's path made absolute,
 * a connect's tuple), remembered by what they are built from: the directory they are joined to (by
 * identity: the state replaces a cwd or fd name rather than changing it) and the parameter's bytes
 * (compared where they lie in the event, so a hit decodes nothing). Rules test these names on every
 * such event; without this each test would decode and join the path again, a new string each time.
 *
 * <p>An open-addressed table of immutable entries probed over a short window; when the window is
 * full the home slot is replaced (a later miss just builds the name again). Unsynchronised reads
 * see an old or a new entry, both correct.
 */
final class CreatorNames {
    private static final int SIZE = 1 << 14;
    private static final int WINDOW = 8;
    private static final Entry[] TABLE = new Entry[SIZE];

    /** What a name is built from the parameter as: a path joined to a directory (ending
     * in '/', or getting one), the text as is, a socket tuple. */
    static final int PATH = 0;
    static final int TEXT = 1;
    static final int TUPLE = 2;
    static final int PATH_ADD_SLASH = 3;

    private record Entry(int kind, Object base, int hash, byte[] key, String name) {
    }

    private CreatorNames() {
    }

    /**
     * The name remembered for this kind, base (by identity, may be null) and parameter {@code i} of
     * {@code e} (its bytes up to the first NUL, for tuples all of them), or null.
     */
    static String find(int kind, Object base, RawEvent e, int i) {
        int end = end(kind, e, i);
        int off = e.paramOffset(i);
        int h = hash(kind, base, e.buffer(), off, end);
        int home = h & (SIZE - 1);
        for (int p = 0; p < WINDOW; p++) {
            Entry x = TABLE[(home + p) & (SIZE - 1)];
            if (x == null) {
                return null;
            }
            if (x.hash == h && x.kind == kind && x.base == base && sameBytes(x.key, e.buffer(), off, end)) {
                return x.name;
            }
        }
        return null;
    }

    /** Remembers the name built from what {@link #find} was given; returns it. */
    static String remember(int kind, Object base, RawEvent e, int i, String name) {
        int end = end(kind, e, i);
        int off = e.paramOffset(i);
        ByteBuffer buf = e.buffer();
        int h = hash(kind, base, buf, off, end);
        byte[] key = new byte[end - off];
        buf.get(off, key);
        Entry n = new Entry(kind, base, h, key, name);
        int home = h & (SIZE - 1);
        for (int p = 0; p < WINDOW; p++) {
            int s = (home + p) & (SIZE - 1);
            if (TABLE[s] == null) {
                TABLE[s] = n;
                return name;
            }
        }
        TABLE[home] = n;
        return name;
    }

    private static int end(int kind, RawEvent e, int i) {
        int off = e.paramOffset(i);
        int limit = off + e.paramLength(i);
        if (kind == TUPLE) {
            return limit;
        }
        ByteBuffer buf = e.buffer();
        int end = off;
        while (end < limit && buf.get(end) != 0) {
            end++;
        }
        return end;
    }

    private static int hash(int kind, Object base, ByteBuffer buf, int off, int end) {
        int h = System.identityHashCode(base) * 31 + kind;
        for (int k = off; k < end; k++) {
            h = h * 31 + buf.get(k);
        }
        return h ^ (h >>> 16);
    }

    private static boolean sameBytes(byte[] key, ByteBuffer buf, int off, int end) {
        if (key.length != end - off) {
            return false;
        }
        for (int k = 0; k < key.length; k++) {
            if (key[k] != buf.get(off + k)) {
                return false;
            }
        }
        return true;
    }
}
