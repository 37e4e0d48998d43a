package dev.saker.format;

import dev.saker.state.SocketNames;
import java.nio.ByteBuffer;

/**
 * SOCKADDR and SOCKTUPLE parameters as sysdig prints them with name resolution off (its default):
 * "ip:port", "ip:port->ip:port", IPv6 in glibc inet_ntop form, unix sockets as the path, tuples of
 * unix sockets as "srcptr->dstptr path" in lower-case hex. Ports are the recorded host-order numbers.
 */
final class SocketAddresses {
    private static final int AF_UNIX = 1;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    private SocketAddresses() {
    }

    static String sockaddr(ByteBuffer b, int off, int len) {
        if (len == 0) {
            return "NULL";
        }
        int family = b.get(off);
        return switch (family) {
            case AF_UNIX -> PrintableText.sanitize(PrintableText.cString(b, off + 1, len - 1));
            case AF_INET -> len == 7 ? SocketNames.ipv4(b, off + 1) + ":" + port(b, off + 5) : "INVALID IPv4";
            case AF_INET6 -> len == 19 ? SocketNames.ipv6(b, off + 1) + ":" + port(b, off + 17) : "INVALID IPv6";
            default -> "family " + family;
        };
    }

    static String socktuple(ByteBuffer b, int off, int len) {
        if (len == 0) {
            return "NULL";
        }
        int family = b.get(off);
        switch (family) {
            case AF_INET:
                if (len != 13) {
                    return "INVALID IPv4";
                }
                return SocketNames.ipv4(b, off + 1) + ":" + port(b, off + 5) + "->" + SocketNames.ipv4(b, off + 7) + ":" + port(b, off + 11);
            case AF_INET6:
                if (len != 37) {
                    return "INVALID IPv6";
                }
                if (SocketNames.isIpv4Mapped(b, off + 1) && SocketNames.isIpv4Mapped(b, off + 19)) {
                    return SocketNames.ipv4(b, off + 13) + ":" + port(b, off + 17) + "->" + SocketNames.ipv4(b, off + 31) + ":" + port(b, off + 35);
                }
                return SocketNames.ipv6(b, off + 1) + ":" + port(b, off + 17) + "->" + SocketNames.ipv6(b, off + 19) + ":"
                        + port(b, off + 35);
            case AF_UNIX:
                String path = len > 17 ? PrintableText.sanitize(PrintableText.cString(b, off + 17, len - 17)) : "";
                return Long.toHexString(len >= 9 ? b.getLong(off + 1) : 0) + "->"
                        + Long.toHexString(len >= 17 ? b.getLong(off + 9) : 0) + " " + path;
            default:
                return "family " + family;
        }
    }

    private static int port(ByteBuffer b, int off) {
        return Short.toUnsignedInt(b.getShort(off));
    }
}
