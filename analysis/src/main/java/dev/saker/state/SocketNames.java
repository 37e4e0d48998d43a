package dev.saker.state;

import java.nio.ByteBuffer;

/**
 * Socket addresses as text, the way libsinsp writes them: dotted quads, IPv6 in glibc's inet_ntop
 * form, "ip:port" and "ip:port->ip:port" (IPv6 without brackets). One implementation serves fd names
 * here and event arguments in the format layer.
 */
public final class SocketNames {
    private SocketNames() {
    }

    /** An address of 4 (IPv4) or 16 (IPv6) bytes in network order; "" for none. */
    public static String ip(byte[] addr) {
        if (addr == null) {
            return "";
        }
        ByteBuffer b = ByteBuffer.wrap(addr);
        return addr.length == 4 ? ipv4(b, 0) : addr.length == 16 ? ipv6(b, 0) : "";
    }

    /** Dotted quad of an address stored in network byte order. */
    public static String ipv4(ByteBuffer b, int off) {
        return Byte.toUnsignedInt(b.get(off)) + "." + Byte.toUnsignedInt(b.get(off + 1)) + "."
                + Byte.toUnsignedInt(b.get(off + 2)) + "." + Byte.toUnsignedInt(b.get(off + 3));
    }

    /** glibc inet_ntop: the longest zero run (of two or more) as "::", embedded IPv4 for ::a.b.c.d and ::ffff:a.b.c.d. */
    public static String ipv6(ByteBuffer b, int off) {
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
                out.append(ipv4(b, off + 12));
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
    public static boolean isIpv4Mapped(ByteBuffer b, int off) {
        for (int i = 0; i < 10; i++) {
            if (b.get(off + i) != 0) {
                return false;
            }
        }
        if (Byte.toUnsignedInt(b.get(off + 10)) == 0xff && Byte.toUnsignedInt(b.get(off + 11)) == 0xff) {
            return true;
        }
        for (int i = 10; i < 16; i++) {
            if (b.get(off + i) != 0) {
                return false;
            }
        }
        return true;
    }

    public static String endpoint(byte[] addr, int port) {
        return ip(addr) + ":" + port;
    }

    public static String tuple(byte[] sip, int sport, byte[] dip, int dport) {
        return endpoint(sip, sport) + "->" + endpoint(dip, dport);
    }
}
