package dev.saker.format;

import dev.saker.scap.EventInfo;

/**
 * The text of flag and mode arguments (O_RDONLY|O_CREAT, S_IRUSR|...) by value, remembered so that
 * rules testing {@code evt.arg.flags} do not build the same string for every event: a flag text
 * depends only on the parameter's table and the value. An open-addressed table of immutable entries
 * probed over a short window (so two values sharing a slot do not push each other out on every
 * event); the home slot is replaced when the window is full, which only means rendering again.
 * Unsynchronised reads see either an old or a new entry, both correct.
 */
final class FlagTexts {
    private static final int SIZE = 4096;
    private static final int WINDOW = 8;
    private static final Entry[] TABLE = new Entry[SIZE];

    private record Entry(EventInfo info, int index, long value, String text) {
    }

    private FlagTexts() {
    }

    /** The remembered text for (info, index, value), or null. */
    static String get(EventInfo info, int index, long value) {
        int home = slot(info, index, value);
        for (int p = 0; p < WINDOW; p++) {
            Entry e = TABLE[(home + p) & (SIZE - 1)];
            if (e == null) {
                return null;
            }
            if (e.info == info && e.index == index && e.value == value) {
                return e.text;
            }
        }
        return null;
    }

    static void put(EventInfo info, int index, long value, String text) {
        Entry n = new Entry(info, index, value, text);
        int home = slot(info, index, value);
        for (int p = 0; p < WINDOW; p++) {
            int s = (home + p) & (SIZE - 1);
            if (TABLE[s] == null) {
                TABLE[s] = n;
                return;
            }
        }
        TABLE[home] = n;
    }

    private static int slot(EventInfo info, int index, long value) {
        long h = ((System.identityHashCode(info) * 31L + index) * 0x9E3779B97F4A7C15L) ^ (value * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 32;
        h ^= h >>> 16;
        return (int) (h & (SIZE - 1));
    }
}
