package dev.saker.scap;

import java.nio.ByteBuffer;

/** Checks that an event's header, length array and parameters fit inside its block (validate_v2_event). */
final class EventValidator {
    private EventValidator() {
    }

    static void validate(ByteBuffer b, int evStart, int avail, EventInfo info, long at) throws CaptureFormatException {
        long len = Integer.toUnsignedLong(b.getInt(evStart + 16));
        if (len < RawEvent.HEADER_LEN) {
            throw new CaptureFormatException(at, info.name() + " event length " + len + " is smaller than its header");
        }
        if (len > avail) {
            throw new CaptureFormatException(at, info.name() + " event length " + len + " exceeds its block payload ("
                    + avail + " bytes)");
        }
        long nparams = Integer.toUnsignedLong(b.getInt(evStart + 22));
        int lenSize = info.isLargePayload() ? 4 : 2;
        if (nparams > RawEvent.MAX_PARAMS || RawEvent.HEADER_LEN + nparams * lenSize > len) {
            throw new CaptureFormatException(at, info.name() + " event declares " + nparams
                    + " parameters, more than its length allows");
        }
        long pos = RawEvent.HEADER_LEN + nparams * lenSize;
        for (int i = 0; i < nparams; i++) {
            int at2 = evStart + RawEvent.HEADER_LEN + i * lenSize;
            pos += lenSize == 4 ? Integer.toUnsignedLong(b.getInt(at2)) : Short.toUnsignedInt(b.getShort(at2));
        }
        if (pos > len) {
            throw new CaptureFormatException(at, info.name() + " event parameters (" + pos
                    + " bytes) overrun the event length " + len);
        }
    }
}
