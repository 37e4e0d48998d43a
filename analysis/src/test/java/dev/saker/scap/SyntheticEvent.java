package dev.saker.scap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds an event's bytes parameter by parameter, for tests that feed hand-made (old) events. */
public final class SyntheticEvent {
    public static final long TS = 1_700_000_000_000_000_000L;

    private final int type;
    private final long tid;
    private long ts = TS;
    private final List<byte[]> params = new ArrayList<>();

    private SyntheticEvent(int type, long tid) {
        this.type = type;
        this.tid = tid;
    }

    public static SyntheticEvent of(int type, long tid) {
        return new SyntheticEvent(type, tid);
    }

    /** An event of thread 1000. */
    public static SyntheticEvent of(int type) {
        return new SyntheticEvent(type, 1000);
    }

    public static SyntheticEvent of(long ts, long tid, int type) {
        SyntheticEvent e = new SyntheticEvent(type, tid);
        e.ts = ts;
        return e;
    }

    /** A PT_DYN value: the selector byte followed by the chosen alternative's bytes. */
    public SyntheticEvent dyn(int selector, byte[] value) {
        byte[] out = new byte[value.length + 1];
        out[0] = (byte) selector;
        System.arraycopy(value, 0, out, 1, value.length);
        return raw(out);
    }

    public static byte[] bytes8(long v) {
        return le(8).putLong(v).array();
    }

    public static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** The event as not read from any file (offset -1, cpu 0, no dump flags). */
    public RawEvent toRaw() {
        return build(-1, 0, 0);
    }

    public SyntheticEvent u8(int v) {
        return raw(new byte[] {(byte) v});
    }

    public SyntheticEvent u16(int v) {
        return raw(le(2).putShort((short) v).array());
    }

    public SyntheticEvent u32(long v) {
        return raw(le(4).putInt((int) v).array());
    }

    public SyntheticEvent u64(long v) {
        return raw(le(8).putLong(v).array());
    }

    /** A NUL-terminated string parameter. */
    public SyntheticEvent str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[b.length + 1];
        System.arraycopy(b, 0, withNul, 0, b.length);
        return raw(withNul);
    }

    public SyntheticEvent empty() {
        return raw(new byte[0]);
    }

    public SyntheticEvent raw(byte[] b) {
        params.add(b);
        return this;
    }

    /** The event as read from block offset 4096 on cpu 3 with dump flags 1. */
    public RawEvent build() {
        return build(4096, 3, 1);
    }

    public RawEvent build(long offset, int cpu, int dumpFlags) {
        return RawEvent.wrap(encode(), EventSchema.current().info(type), offset, cpu, dumpFlags);
    }

    /** The event's bytes: header, parameter lengths (4 bytes each for large-payload types), parameters. */
    public byte[] encode() {
        EventInfo info = EventSchema.current().info(type);
        int lenSize = info.isLargePayload() ? 4 : 2;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer lens = le(params.size() * lenSize);
        for (byte[] p : params) {
            if (lenSize == 4) {
                lens.putInt(p.length);
            } else {
                lens.putShort((short) p.length);
            }
            body.writeBytes(p);
        }
        int len = RawEvent.HEADER_LEN + lens.capacity() + body.size();
        ByteBuffer all = le(len);
        all.putLong(ts).putLong(tid).putInt(len).putShort((short) type).putInt(params.size());
        all.put(lens.array()).put(body.toByteArray());
        return all.array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
