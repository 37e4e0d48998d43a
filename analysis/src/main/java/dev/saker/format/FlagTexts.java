package dev.saker.format;

import dev.saker.scap.EventInfo;

/**
 * The text of flag and mode arguments (O_RDONLY|O_CREAT, S_IRUSR|...) by value, remembered so that
 * rules testing {@code evt.arg.flags} do not build the same string for every event: a flag text
 * depends only on the parameter's table and the value. A small direct-mapped table of immutable
 * entries; a collision just renders again, and unsynchronised reads see either an old or a new
 * entry, both correct.
 */
final class FlagTexts {
    private static final int SIZE = 1024;
    private static final Entry[] TABLE = new Entry[SIZE];

    private record Entry(EventInfo info, int index, long value, String text) {
    }

    private FlagTexts() {
    }

    /** The remembered text for (info, index, value), or null. */
    static String get(EventInfo info, int index, long value) {
        Entry e = TABLE[slot(info, index, value)];
        return e != null && e.info == info && e.index == index && e.value == value ? e.text : null;
    }

    static void put(EventInfo info, int index, long value, String text) {
        TABLE[slot(info, index, value)] = new Entry(info, index, value, text);
    }

    private static int slot(EventInfo info, int index, long value) {
        long h = (System.identityHashCode(info) * 31L + index) * 0x9E3779B97F4A7C15L + value;
        h ^= h >>> 29;
        return (int) (h & (SIZE - 1));
    }
}
