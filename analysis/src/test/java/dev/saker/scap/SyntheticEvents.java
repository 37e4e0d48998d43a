package dev.saker.scap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds raw events from parameter bytes, with the length width the event table gives the type. */
final class SyntheticEvents {
    private SyntheticEvents() {
    }

    static RawEvent event(int type, long ts, long tid, int cpu, int dumpFlags, byte[]... params) {
        EventInfo info = EventSchema.current().info(type);
        int lenSize = info.isLargePayload() ? 4 : 2;
        int len = RawEvent.HEADER_LEN + params.length * lenSize;
        for (byte[] p : params) {
            len += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(ts).putLong(tid).putInt(len).putShort((short) type).putInt(params.length);
        for (byte[] p : params) {
            if (lenSize == 4) {
                b.putInt(p.length);
            } else {
                b.putShort((short) p.length);
            }
        }
        for (byte[] p : params) {
            b.put(p);
        }
        return RawEvent.wrap(b.array(), info, -1, cpu, dumpFlags);
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    static byte[] cstr(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }
}
