package dev.saker.format;

import dev.saker.scap.EventSchema;
import dev.saker.scap.RawEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds one recorded event (ppm_evt_hdr, u16 lengths, parameters) for tests. */
final class SyntheticEvent {
    private final long ts;
    private final long tid;
    private final int type;
    private final List<byte[]> params = new ArrayList<>();

    private SyntheticEvent(long ts, long tid, int type) {
        this.ts = ts;
        this.tid = tid;
        this.type = type;
    }

    static SyntheticEvent of(long ts, long tid, int type) {
        return new SyntheticEvent(ts, tid, type);
    }

    static SyntheticEvent of(int type) {
        return new SyntheticEvent(1_600_000_000_000_000_000L, 1000, type);
    }

    SyntheticEvent raw(byte[] bytes) {
        params.add(bytes);
        return this;
    }

    SyntheticEvent u8(int v) {
        return raw(new byte[] {(byte) v});
    }

    SyntheticEvent u16(int v) {
        return raw(le(2).putShort((short) v).array());
    }

    SyntheticEvent u32(long v) {
        return raw(le(4).putInt((int) v).array());
    }

    SyntheticEvent u64(long v) {
        return raw(le(8).putLong(v).array());
    }

    SyntheticEvent str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return raw(out);
    }

    SyntheticEvent empty() {
        return raw(new byte[0]);
    }

    /** A PT_DYN value: the selector byte followed by the chosen alternative's bytes. */
    SyntheticEvent dyn(int selector, byte[] value) {
        byte[] out = new byte[value.length + 1];
        out[0] = (byte) selector;
        System.arraycopy(value, 0, out, 1, value.length);
        return raw(out);
    }

    static byte[] bytes8(long v) {
        return le(8).putLong(v).array();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    byte[] encode() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int len = RawEvent.HEADER_LEN + 2 * params.size() + params.stream().mapToInt(p -> p.length).sum();
        ByteBuffer h = le(RawEvent.HEADER_LEN + 2 * params.size());
        h.putLong(ts).putLong(tid).putInt(len).putShort((short) type).putInt(params.size());
        params.forEach(p -> h.putShort((short) p.length));
        body.writeBytes(h.array());
        params.forEach(body::writeBytes);
        return body.toByteArray();
    }

    RawEvent toRaw() {
        return RawEvent.wrap(encode(), EventSchema.current().info(type), -1, 0, 0);
    }
}
