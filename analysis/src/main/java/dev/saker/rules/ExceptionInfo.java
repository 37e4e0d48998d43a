package dev.saker.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * One exception of a rule as written: fields (a list or one field), comps (optional, same shape)
 * and values (tuples, each element a scalar or a nested list).
 */
final class ExceptionInfo {
    /** A scalar or a list of entries; {@code valid} is false when the key was absent. */
    static final class Entry {
        boolean valid;
        boolean isList;
        String item = "";
        final List<Entry> items = new ArrayList<>();

        static Entry scalar(String s) {
            Entry e = new Entry();
            e.valid = true;
            e.item = s;
            return e;
        }
    }

    final String name;
    final LoadContext ctx;
    Entry fields = new Entry();
    Entry comps = new Entry();
    final List<Entry> values = new ArrayList<>();

    ExceptionInfo(String name, LoadContext ctx) {
        this.name = name;
        this.ctx = ctx;
    }
}
