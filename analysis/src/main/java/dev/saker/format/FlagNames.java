package dev.saker.format;

import dev.saker.scap.FlagTable;

/**
 * Names of a FLAGS or MODE value, the way 2022 libsinsp resolves them. The table is walked in order;
 * every entry whose bits are all set is named and its bits removed (so O_RDWR hides O_WRONLY and
 * O_RDONLY), a zero-valued entry is named only for a zero value, and the walk stops at an entry equal
 * to the whole value, which is named last. Unknown bits are not printed at all.
 */
final class FlagNames {
    private FlagNames() {
    }

    /** The '|'-separated names, or "" when none applies (sysdig then prints just the number). */
    static String of(FlagTable table, long value) {
        if (table == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        long initial = value;
        long rest = value;
        long[] values = table.values();
        int i = 0;
        for (; i < values.length && values[i] != initial; i++) {
            long flag = values[i];
            if ((flag == 0 && initial == 0) || (flag != 0 && (rest & flag) == flag && rest != 0)) {
                separate(out).append(table.names().get(i));
                rest &= ~flag;
            }
        }
        if (i < values.length) {
            separate(out).append(table.names().get(i));
        }
        return out.toString();
    }

    /** The single name equal to the value (ENUMFLAGS of current libs), or "". */
    static String enumName(FlagTable table, long value) {
        String name = table == null ? null : table.nameOf(value);
        return name == null ? "" : name;
    }

    private static StringBuilder separate(StringBuilder out) {
        return out.length() > 0 ? out.append('|') : out;
    }
}
