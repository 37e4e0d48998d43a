package dev.saker.scap;

import java.nio.ByteBuffer;

/**
 * Events of v1 blocks (EV, EV_INT, EVF) have a 22-byte header without nparams. libscap works the
 * count out from the lengths: the largest count, from the table's down, whose lengths add up to
 * exactly the event length.
 */
final class V1Events {
    static final int V1_HEADER = 22;

    private V1Events() {
    }

    static int parameterCount(ByteBuffer b, int evStart, long len, EventInfo info, long at)
            throws CaptureFormatException {
        long end = len;
        for (int n = info.nparams(); n >= 0; n--) {
            long pos = V1_HEADER + 2L * n;
            if (pos > end) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                pos += Short.toUnsignedInt(b.getShort(evStart + V1_HEADER + 2 * i));
            }
            if (pos < end) {
                break;
            }
            if (pos == end) {
                return n;
            }
        }
        throw new CaptureFormatException(at, "cannot work out the parameter count of a v1 " + info.name()
                + " event (corrupted lengths)");
    }
}
