package dev.saker.format;

import java.nio.ByteBuffer;

/**
 * FDLIST parameters (poll, select): "fd:tflags" per entry, space separated, where t is the fd's type
 * character or '?' and the flags are the recorded 16 bits in lower-case hex.
 */
final class FdListText {
    private FdListText() {
    }

    static String of(ByteBuffer b, int off, int len, ArgContext ctx) {
        if (!ctx.hasThread() || len < 2) {
            return "";
        }
        int count = Short.toUnsignedInt(b.getShort(off));
        StringBuilder out = new StringBuilder();
        int pos = off + 2;
        for (int j = 0; j < count && pos + 10 <= off + len; j++) {
            long fd = b.getLong(pos);
            FdView view = ctx.fd(fd);
            char type = view == null ? '?' : view.typeChar();
            if (j > 0) {
                out.append(' ');
            }
            // libsinsp widens the flags as a signed 16-bit value before printing them with %x.
            out.append(Long.toUnsignedString(fd)).append(':').append(type)
                    .append(Integer.toHexString(b.getShort(pos + 8)));
            pos += 10;
        }
        return out.toString();
    }
}
