package dev.saker.scap;

/** Parameter types of the libscap event table (ppm_param_type), with their on-disk widths. */
public enum ParamType {
    NONE(0, 0), INT8(1, 1), INT16(2, 2), INT32(3, 4), INT64(4, 8), UINT8(5, 1), UINT16(6, 2), UINT32(7, 4),
    UINT64(8, 8), CHARBUF(9, -1), BYTEBUF(10, -1), ERRNO(11, 8), SOCKADDR(12, -1), SOCKTUPLE(13, -1), FD(14, 8),
    PID(15, 8), FDLIST(16, -1), FSPATH(17, -1), SYSCALLID(18, 2), SIGTYPE(19, 1), RELTIME(20, 8), ABSTIME(21, 8),
    PORT(22, 2), L4PROTO(23, 1), SOCKFAMILY(24, 1), BOOL(25, 4), IPV4ADDR(26, 4), DYN(27, -1), FLAGS8(28, 1),
    FLAGS16(29, 2), FLAGS32(30, 4), UID(31, 4), GID(32, 4), DOUBLE(33, 8), SIGSET(34, 4), CHARBUFARRAY(35, -1),
    CHARBUF_PAIR_ARRAY(36, -1), IPV4NET(37, -1), IPV6ADDR(38, 16), IPV6NET(39, -1), IPADDR(40, -1), IPNET(41, -1),
    MODE(42, 4), FSRELPATH(43, -1), ENUMFLAGS8(44, 1), ENUMFLAGS16(45, 2), ENUMFLAGS32(46, 4), FD32(47, 4),
    PID32(48, 4);

    private static final ParamType[] BY_ID = values();

    /** libscap's numeric id of the type. */
    public final int id;
    /** Encoded width in bytes, or -1 for variable-length types. */
    public final int width;

    ParamType(int id, int width) {
        this.id = id;
        this.width = width;
    }

    public static ParamType of(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException("unknown parameter type " + id);
        }
        return BY_ID[id];
    }

    public boolean isFlags() {
        return this == FLAGS8 || this == FLAGS16 || this == FLAGS32 || this == MODE;
    }

    public boolean isEnumFlags() {
        return this == ENUMFLAGS8 || this == ENUMFLAGS16 || this == ENUMFLAGS32;
    }

    public boolean isString() {
        return this == CHARBUF || this == FSPATH || this == FSRELPATH;
    }

    public boolean isSigned() {
        return this == INT8 || this == INT16 || this == INT32 || this == INT64 || this == ERRNO || this == FD
                || this == PID || this == FD32 || this == PID32 || this == RELTIME;
    }
}
