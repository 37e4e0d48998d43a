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
    private final List<byte[]> params = new ArrayList<>();

    private SyntheticEvent(int type, long tid) {
        this.type = type;
        this.tid = tid;
    }

    public static SyntheticEvent of(int type, long tid) {
        return new SyntheticEvent(type, tid);
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
        all.putLong(TS).putLong(tid).putInt(len).putShort((short) type).putInt(params.size());
        all.put(lens.array()).put(body.toByteArray());
        return RawEvent.wrap(all.array(), info, offset, cpu, dumpFlags);
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
