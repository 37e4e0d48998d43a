package dev.saker.scap;

import java.util.List;

/** One entry of the event table: an event type number with its name, direction, flags and parameters. */
public record EventInfo(int type, String name, int category, int flags, List<ParamInfo> params) {
    public static final int EF_CREATES_FD = 1;
    public static final int EF_DESTROYS_FD = 1 << 1;
    public static final int EF_USES_FD = 1 << 2;
    public static final int EF_READS_FROM_FD = 1 << 3;
    public static final int EF_WRITES_TO_FD = 1 << 4;
    public static final int EF_MODIFIES_STATE = 1 << 5;
    public static final int EF_UNUSED = 1 << 6;
    public static final int EF_WAITS = 1 << 7;
    public static final int EF_SKIPPARSERESET = 1 << 8;
    public static final int EF_OLD_VERSION = 1 << 9;
    public static final int EF_DROP_SIMPLE_CONS = 1 << 10;
    public static final int EF_LARGE_PAYLOAD = 1 << 11;
    public static final int EF_CONVERTER_MANAGED = 1 << 12;

    public static final int EC_INTERNAL = 1 << 8;
    public static final int EC_METAEVENT = 1 << 12;

    public boolean isEnter() {
        return (type & 1) == 0;
    }

    public char direction() {
        return isEnter() ? '>' : '<';
    }

    public int nparams() {
        return params.size();
    }

    public boolean isLargePayload() {
        return (flags & EF_LARGE_PAYLOAD) != 0;
    }

    public boolean isOldVersion() {
        return (flags & EF_OLD_VERSION) != 0;
    }

    public boolean isUnused() {
        return (flags & EF_UNUSED) != 0;
    }

    public boolean isConverterManaged() {
        return (flags & EF_CONVERTER_MANAGED) != 0;
    }

    /** Index of the parameter with this name, or -1. */
    public int paramIndex(String paramName) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(paramName)) {
                return i;
            }
        }
        return -1;
    }
}
