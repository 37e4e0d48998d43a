package dev.saker.scap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds one event into a fixed-size buffer, parameter by parameter, the way libscap's converter
 * fills its conversion buffer: the length array is sized for the final count up front and each
 * parameter is appended after the previous one.
 */
final class ParamWriter {
    /** The event would not fit the buffer, or a parameter cannot be written for its type. */
    static final class Overflow extends Exception {
        Overflow(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] bytes;
    private final ByteBuffer buf;
    private EventInfo info;
    private int lenSize;
    private int pos;
    /**
     * Measures instead of writing: every length check (and so every overflow) happens as in a real
     * write, but no byte is copied; for events whose converted form nobody reads.
     */
    private boolean dry;

    ParamWriter(int capacity) {
        this.bytes = new byte[capacity];
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    ByteBuffer buffer() {
        return buf;
    }

    void start(long ts, long tid, EventInfo eventInfo, int nparams) throws Overflow {
        start(ts, tid, eventInfo, nparams, false);
    }

    void start(long ts, long tid, EventInfo eventInfo, int nparams, boolean measureOnly) throws Overflow {
        this.dry = measureOnly;
        this.info = eventInfo;
        this.lenSize = eventInfo.isLargePayload() ? 4 : 2;
        long dataStart = RawEvent.HEADER_LEN + (long) nparams * lenSize;
        if (dataStart > bytes.length) {
            throw new Overflow("its " + nparams + " parameter lengths exceed the conversion buffer of " + bytes.length + " bytes");
        }
        pos = (int) dataStart;
        if (dry) {
            return;
        }
        buf.putLong(0, ts);
        buf.putLong(8, tid);
        buf.putShort(20, (short) eventInfo.type());
        buf.putInt(22, nparams);
        buf.putInt(16, pos);
    }

    /** Copies the lengths and the whole parameter area of an event of the same type (ADD_PARAMS). */
    void copyAllParams(RawEvent src) throws Overflow {
        int srcLenSize = src.info() != null && src.info().isLargePayload() ? 4 : 2;
        for (int i = 0; !dry && i < src.nparams(); i++) {
            setLength(i, src.paramLength(i));
        }
        int srcData = RawEvent.HEADER_LEN + src.nparams() * srcLenSize;
        int len = src.length() - srcData;
        if (len < 0) {
            throw new Overflow("the event length " + src.length() + " is smaller than its parameter length table");
        }
        ensure(len);
        if (!dry) {
            src.buffer().get(src.base() + srcData, bytes, pos, len);
        }
        advance(len);
    }

    void empty(int param) {
        setLength(param, 0);
    }

    /** The typed zero of libscap ({@code 0xFFFFFFFF}, "no user", for UID and GID). */
    void typedDefault(int param) throws Overflow {
        ParamType t = type(param);
        int len = minLength(t);
        if (len < 0) {
            throw new Overflow("no default value for parameter " + param + " of type " + t);
        }
        ensure(len);
        long value = t == ParamType.UID || t == ParamType.GID ? 0xFFFFFFFFL : 0;
        for (int i = 0; !dry && i < len; i++) {
            bytes[pos + i] = i < 8 ? (byte) (value >>> (8 * i)) : 0;
        }
        setLength(param, len);
        advance(len);
    }

    /** Copies a parameter of another event, cut to the largest length the target type allows. */
    void copy(int param, RawEvent from, int fromParam) throws Overflow {
        int len = (int) Math.min(from.paramLength(fromParam), maxLength(type(param)));
        ensure(len);
        if (len > 0 && !dry) {
            from.buffer().get(from.paramOffset(fromParam), bytes, pos, len);
        }
        setLength(param, len);
        advance(len);
    }

    /** A computed value; its length must be one the target type allows. */
    void bytes(int param, byte[] value) throws Overflow {
        ParamType t = type(param);
        if (value.length < Math.max(0, minLength(t)) || value.length > maxLength(t)) {
            throw new Overflow("computed parameter " + param + " has " + value.length + " bytes, not a valid " + t);
        }
        ensure(value.length);
        if (!dry) {
            System.arraycopy(value, 0, bytes, pos, value.length);
        }
        setLength(param, value.length);
        advance(value.length);
    }

    private ParamType type(int param) throws Overflow {
        if (param >= info.nparams()) {
            throw new Overflow("parameter " + param + " is beyond the " + info.nparams() + " the event table knows");
        }
        return info.params().get(param).type();
    }

    private void setLength(int param, int len) {
        if (dry) {
            return;
        }
        int at = RawEvent.HEADER_LEN + param * lenSize;
        if (lenSize == 4) {
            buf.putInt(at, len);
        } else {
            buf.putShort(at, (short) len);
        }
    }

    private void ensure(int len) throws Overflow {
        if (len > bytes.length - pos) {
            throw new Overflow("it would exceed the conversion buffer of " + bytes.length + " bytes");
        }
    }

    private void advance(int len) {
        pos += len;
        if (!dry) {
            buf.putInt(16, pos);
        }
    }

    /** libscap's ppm_param_min_len_from_type; -1 for types it has no size for. */
    static int minLength(ParamType t) {
        return switch (t) {
            case INT8, UINT8, FLAGS8, ENUMFLAGS8, SIGTYPE -> 1;
            case INT16, UINT16, FLAGS16, ENUMFLAGS16, SYSCALLID, PORT -> 2;
            case INT32, UINT32, FLAGS32, ENUMFLAGS32, UID, GID, MODE, SIGSET, FD32, PID32, IPV4ADDR -> 4;
            case INT64, UINT64, RELTIME, ABSTIME, ERRNO, FD, PID -> 8;
            case IPV6ADDR -> 16;
            case BYTEBUF, CHARBUF, SOCKTUPLE, FDLIST, FSPATH, CHARBUFARRAY, CHARBUF_PAIR_ARRAY, FSRELPATH, DYN, SOCKADDR -> 0;
            default -> -1;
        };
    }

    /** libscap's ppm_param_max_len_from_type for this event's length width. */
    private long maxLength(ParamType t) throws Overflow {
        int min = minLength(t);
        if (min < 0) {
            throw new Overflow("no size known for parameter type " + t);
        }
        if (min > 0) {
            return min;
        }
        return lenSize == 4 ? 0xFFFFFFFFL : 0xFFFF;
    }
}
