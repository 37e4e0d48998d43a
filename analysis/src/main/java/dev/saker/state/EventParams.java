package dev.saker.state;

import dev.saker.scap.RawEvent;
import java.util.List;

/** Reads parameters of current-schema events, tolerating parameters a capture left out. */
final class EventParams {
    private EventParams() {
    }

    static long num(RawEvent e, int i, long absent) {
        return e.isEmpty(i) ? absent : e.signed(i);
    }

    static String str(RawEvent e, int i) {
        String s = e.string(i);
        return s == null ? "" : s;
    }

    static List<String> list(RawEvent e, int i) {
        if (e.isEmpty(i)) {
            return List.of();
        }
        byte[] b = e.bytes(i);
        return ThreadFactory.nulSeparated(b, 0, b.length);
    }
}
