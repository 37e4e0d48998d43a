package dev.saker.scap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian reads from a byte array, the byte order of every capture. The hot paths (the block
 * reader, event views) read their buffers' arrays through these rather than a ByteBuffer's getters,
 * each of which pays a scope check, an index check and an offset computation; these check the
 * array's bounds once.
 */
final class LittleEndian {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    static short i16(byte[] a, int at) {
        return (short) SHORT.get(a, at);
    }

    static int u16(byte[] a, int at) {
        return Short.toUnsignedInt((short) SHORT.get(a, at));
    }

    static int i32(byte[] a, int at) {
        return (int) INT.get(a, at);
    }

    static long i64(byte[] a, int at) {
        return (long) LONG.get(a, at);
    }
}
