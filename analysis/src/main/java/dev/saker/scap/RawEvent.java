package dev.saker.scap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One event as recorded: a view over the reader's buffer (26-byte ppm_evt_hdr, the parameter-length
 * array, then the parameter bytes). The reader reuses one instance, so a view is valid only until
 * the next event is read; {@link #copy()} makes an owned snapshot.
 *
 * <p>Null policy: accessors never return null for a parameter that exists; {@link #isEmpty(int)}
 * tells a zero-length (absent) parameter, and {@link #string(int)} returns null for it.
 */
public final class RawEvent {
    public static final int HEADER_LEN = 26;
    public static final int MAX_PARAMS = 64;

    private ByteBuffer buf;
    /**
     * The buffer's array (every buffer an event is bound to is a heap buffer), read directly on the
     * hot paths ({@link LittleEndian}); {@link #base} and the offsets below index it after adding
     * {@link #shift}, the buffer's array offset.
     */
    private byte[] arr;
    private int shift;
    private int base;
    private int nparams;
    private final int[] offsets = new int[MAX_PARAMS];
    private final int[] lengths = new int[MAX_PARAMS];
    private EventInfo info;
    private long offset = -1;
    private int cpu;
    private int dumpFlags;

    /**
     * Checks an event as {@link EventValidator} does (same checks, same messages, same order) and
     * points this view at it, in one pass over the parameter lengths instead of two. On failure the
     * view is left unusable, as any view is once the next event is read.
     */
    void bindChecked(ByteBuffer b, int evStart, int avail, EventInfo eventInfo, long at, int cpuId, int flags)
            throws CaptureFormatException {
        long len = Integer.toUnsignedLong(b.getInt(evStart + 16));
        if (len < HEADER_LEN) {
            throw new CaptureFormatException(at, eventInfo.name() + " event length " + len + " is smaller than its header");
        }
        if (len > avail) {
            throw new CaptureFormatException(at, eventInfo.name() + " event length " + len + " exceeds its block payload ("
                    + avail + " bytes)");
        }
        long declared = Integer.toUnsignedLong(b.getInt(evStart + 22));
        int lenSize = eventInfo.isLargePayload() ? 4 : 2;
        if (declared > MAX_PARAMS || HEADER_LEN + declared * lenSize > len) {
            throw new CaptureFormatException(at, eventInfo.name() + " event declares " + declared
                    + " parameters, more than its length allows");
        }
        int n = (int) declared;
        long pos = HEADER_LEN + (long) n * lenSize;
        byte[] a = b.array();
        int lens = b.arrayOffset() + evStart + HEADER_LEN;
        for (int i = 0; i < n; i++) {
            int l = lenSize == 4 ? LittleEndian.i32(a, lens + i * 4) : LittleEndian.u16(a, lens + i * 2);
            offsets[i] = evStart + (int) pos;
            lengths[i] = l;
            pos += Integer.toUnsignedLong(l);
        }
        if (pos > len) {
            throw new CaptureFormatException(at, eventInfo.name() + " event parameters (" + pos
                    + " bytes) overrun the event length " + len);
        }
        this.buf = b;
        this.arr = a;
        this.shift = b.arrayOffset();
        this.base = evStart;
        this.info = eventInfo;
        this.offset = at;
        this.cpu = cpuId;
        this.dumpFlags = flags;
        this.nparams = n;
    }

    /**
     * Points this view at an event. The caller has validated that the header and every parameter
     * fit inside {@code len} bytes ({@link EventValidator}).
     */
    void bind(ByteBuffer buffer, int eventBase, EventInfo eventInfo, long blockOffset, int cpuId, int flags) {
        this.buf = buffer;
        this.arr = buffer.array();
        this.shift = buffer.arrayOffset();
        this.base = eventBase;
        this.info = eventInfo;
        this.offset = blockOffset;
        this.cpu = cpuId;
        this.dumpFlags = flags;
        byte[] a = arr;
        int at = shift + eventBase;
        this.nparams = LittleEndian.i32(a, at + 22);
        int lenSize = eventInfo != null && eventInfo.isLargePayload() ? 4 : 2;
        int pos = eventBase + HEADER_LEN + nparams * lenSize;
        for (int i = 0; i < nparams; i++) {
            int l = lenSize == 4 ? LittleEndian.i32(a, at + HEADER_LEN + i * 4)
                    : LittleEndian.u16(a, at + HEADER_LEN + i * 2);
            offsets[i] = pos;
            lengths[i] = l;
            pos += l;
        }
    }

    /** Event timestamp, nanoseconds since the epoch. */
    public long ts() {
        return LittleEndian.i64(arr, shift + base);
    }

    /** Kernel thread id (host pid namespace). */
    public long tid() {
        return LittleEndian.i64(arr, shift + base + 8);
    }

    /** Whole event length including the header. */
    public int length() {
        return LittleEndian.i32(arr, shift + base + 16);
    }

    public int type() {
        return LittleEndian.u16(arr, shift + base + 20);
    }

    public int nparams() {
        return nparams;
    }

    /** The event type's table entry (current libs schema), or null for a type unknown to it. */
    public EventInfo info() {
        return info;
    }

    /** Offset of this event's block in the uncompressed capture; -1 for events not read from a file. */
    public long offset() {
        return offset;
    }

    public int cpu() {
        return cpu;
    }

    /** scap dump flags of EVF blocks (1 = state only), 0 otherwise. */
    public int dumpFlags() {
        return dumpFlags;
    }

    public int paramLength(int i) {
        return i < nparams ? lengths[i] : 0;
    }

    /** Absolute position of parameter {@code i} in {@link #buffer()}. */
    public int paramOffset(int i) {
        return offsets[i];
    }

    /** The buffer the view reads from (little-endian); valid until the next read. */
    public ByteBuffer buffer() {
        return buf;
    }

    /** Position of the event header in {@link #buffer()}. */
    public int base() {
        return base;
    }

    public boolean isEmpty(int i) {
        return i >= nparams || lengths[i] == 0;
    }

    /** Unsigned integer value of a fixed-width parameter of 1, 2, 4 or 8 bytes (sign-extended when signed). */
    public long number(int i) {
        int off = shift + offsets[i];
        return switch (lengths[i]) {
            case 1 -> Byte.toUnsignedLong(arr[off]);
            case 2 -> Short.toUnsignedLong(LittleEndian.i16(arr, off));
            case 4 -> Integer.toUnsignedLong(LittleEndian.i32(arr, off));
            case 8 -> LittleEndian.i64(arr, off);
            default -> 0;
        };
    }

    /** Signed value of a fixed-width parameter (errno, fd, pid, int32, ...). */
    public long signed(int i) {
        int off = shift + offsets[i];
        return switch (lengths[i]) {
            case 1 -> arr[off];
            case 2 -> LittleEndian.i16(arr, off);
            case 4 -> LittleEndian.i32(arr, off);
            case 8 -> LittleEndian.i64(arr, off);
            default -> 0;
        };
    }

    /**
     * The first {@code width} bytes (1, 2, 4 or 8) of a parameter as a number, sign-extended when
     * {@code signed}: a value read by its declared type's width, whatever length it was recorded with.
     */
    public long fixed(int i, int width, boolean signed) {
        int off = shift + offsets[i];
        byte[] a = arr;
        return switch (width) {
            case 1 -> signed ? a[off] : Byte.toUnsignedLong(a[off]);
            case 2 -> signed ? LittleEndian.i16(a, off) : Short.toUnsignedLong(LittleEndian.i16(a, off));
            case 4 -> signed ? LittleEndian.i32(a, off) : Integer.toUnsignedLong(LittleEndian.i32(a, off));
            default -> LittleEndian.i64(a, off);
        };
    }

    public int u8(int i, int at) {
        return Byte.toUnsignedInt(arr[shift + offsets[i] + at]);
    }

    public int u16(int i, int at) {
        return LittleEndian.u16(arr, shift + offsets[i] + at);
    }

    public int u32(int i, int at) {
        return LittleEndian.i32(arr, shift + offsets[i] + at);
    }

    public long u64(int i, int at) {
        return LittleEndian.i64(arr, shift + offsets[i] + at);
    }

    /** A string parameter up to its first NUL, decoded as UTF-8 (invalid bytes replaced); null when empty. */
    public String string(int i) {
        if (isEmpty(i)) {
            return null;
        }
        int off = offsets[i];
        int end = off;
        int limit = off + lengths[i];
        byte[] a = arr;
        while (end < limit && a[shift + end] != 0) {
            end++;
        }
        return utf8(off, end - off);
    }

    /** Bytes of a parameter, copied. */
    public byte[] bytes(int i) {
        byte[] out = new byte[paramLength(i)];
        if (out.length > 0) {
            buf.get(offsets[i], out);
        }
        return out;
    }

    /** Bytes at an absolute range of the buffer decoded as UTF-8. */
    public String utf8(int absOffset, int len) {
        byte[] b = new byte[len];
        buf.get(absOffset, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The raw event bytes (header, lengths and parameters), copied. */
    public byte[] eventBytes() {
        byte[] out = new byte[length()];
        buf.get(base, out);
        return out;
    }

    /** An owned copy of this event that stays valid after the reader moves on. */
    public RawEvent copy() {
        return wrap(eventBytes(), info, offset, cpu, dumpFlags);
    }

    /** A view over event bytes held in an array (e.g. built by the converter or a capture helper). */
    public static RawEvent wrap(byte[] event, EventInfo info, long offset, int cpu, int dumpFlags) {
        RawEvent e = new RawEvent();
        e.bind(ByteBuffer.wrap(event).order(ByteOrder.LITTLE_ENDIAN), 0, info, offset, cpu, dumpFlags);
        return e;
    }

    @Override
    public String toString() {
        return "RawEvent{type=" + type() + (info != null ? " " + info.name() : "") + ", tid=" + tid() + ", ts=" + ts()
                + ", nparams=" + nparams + ", offset=" + offset + "}";
    }
}
