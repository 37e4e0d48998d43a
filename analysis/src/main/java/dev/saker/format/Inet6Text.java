package dev.saker.format;

import java.nio.ByteBuffer;

/** IPv6 addresses in glibc's inet_ntop form (longest zero run as "::", embedded IPv4 for ::a.b.c.d and ::ffff:a.b.c.d). */
final class Inet6Text {
    private Inet6Text() {
    }

    static String of(ByteBuffer b, int off) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (Byte.toUnsignedInt(b.get(off + 2 * i)) << 8) | Byte.toUnsignedInt(b.get(off + 2 * i + 1));
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0) {
                i++;
            }
            if (i - start > bestLen) {
                bestBase = start;
                bestLen = i - start;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
                out.append(SocketAddresses.ipv4(b, off + 12));
                return out.toString();
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase != -1 && bestBase + bestLen == 8) {
            out.append(':');
        }
        return out.toString();
    }

    /**
     * libsinsp's is_ipv4_mapped_ipv6: ::ffff:a.b.c.d, and also the all-zero address, which it takes
     * for an unset IPv4 address.
     */
    static boolean isIpv4Mapped(ByteBuffer b, int off) {
        for (int i = 0; i < 10; i++) {
            if (b.get(off + i) != 0) {
                return false;
            }
        }
        int b10 = Byte.toUnsignedInt(b.get(off + 10));
        int b11 = Byte.toUnsignedInt(b.get(off + 11));
        if (b10 == 0xff && b11 == 0xff) {
            return true;
        }
        for (int i = 10; i < 16; i++) {
            if (b.get(off + i) != 0) {
                return false;
            }
        }
        return true;
    }
}
