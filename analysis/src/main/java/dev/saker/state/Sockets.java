package dev.saker.state;

import dev.saker.scap.FdEntry;
import dev.saker.scap.RawEvent;

/** Socket fds: creation by domain/type/protocol, and what bind, connect and accept teach about them. */
final class Sockets {
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_RAW = 3;
    private static final int IPPROTO_IP = 0;
    private static final int IPPROTO_ICMP = 1;
    private static final int IPPROTO_TCP = 6;
    private static final int IPPROTO_UDP = 17;
    private static final int IPPROTO_RAW = 255;
    private static final int AF_NETLINK = 16;

    private Sockets() {
    }

    /** A new socket fd, or null for a domain libsinsp does not track. */
    static FdInfo create(int domain, int type, int proto) {
        if (domain == SocketParams.AF_UNIX) {
            return new FdInfo(FdEntry.UNIX_SOCK, "");
        }
        if (domain == SocketParams.AF_INET || domain == SocketParams.AF_INET6) {
            FdInfo f = new FdInfo(domain == SocketParams.AF_INET ? FdEntry.IPV4_SOCK : FdEntry.IPV6_SOCK, "");
            f.l4proto = l4(type, proto);
            return f;
        }
        if (domain == AF_NETLINK) {
            return new FdInfo(FdEntry.NETLINK, "");
        }
        return null;
    }

    private static int l4(int type, int proto) {
        return switch (proto) {
            case IPPROTO_TCP -> type == SOCK_RAW ? FdInfo.L4_RAW : FdInfo.L4_TCP;
            case IPPROTO_UDP -> type == SOCK_RAW ? FdInfo.L4_RAW : FdInfo.L4_UDP;
            case IPPROTO_ICMP -> type == SOCK_RAW ? FdInfo.L4_RAW : FdInfo.L4_ICMP;
            case IPPROTO_RAW -> FdInfo.L4_RAW;
            case IPPROTO_IP -> (type & 0xff) == SOCK_STREAM ? FdInfo.L4_TCP
                    : (type & 0xff) == SOCK_DGRAM ? FdInfo.L4_UDP : FdInfo.L4_UNKNOWN;
            default -> FdInfo.L4_UNKNOWN;
        };
    }

    /** A bound port turns the socket into a server socket; the name becomes the bound address. */
    static void bind(FdInfo f, RawEvent e, int i) {
        int fam = SocketParams.family(e, i);
        if (fam == SocketParams.AF_INET && e.paramLength(i) >= 7) {
            int port = e.u16(i, 5);
            if (port > 0) {
                f.type = FdEntry.IPV4_SERVSOCK;
                f.sip = SocketParams.bytesAt(e, i, 1, 4);
                f.sport = port;
                f.flags |= FdInfo.FLAG_ROLE_SERVER;
            }
        } else if (fam == SocketParams.AF_INET6 && e.paramLength(i) >= 19) {
            int port = e.u16(i, 17);
            if (port > 0) {
                byte[] ip = SocketParams.bytesAt(e, i, 1, 16);
                boolean mapped = SocketParams.isIpv4Mapped(ip);
                f.type = mapped ? FdEntry.IPV4_SERVSOCK : FdEntry.IPV6_SERVSOCK;
                f.sip = mapped ? SocketParams.lastFour(ip) : ip;
                f.sport = port;
                f.flags |= FdInfo.FLAG_ROLE_SERVER;
            }
        }
        f.name = SocketParams.addrText(e, i);
    }

    /** The destination is known before connect returns; unix sockets take their name from it. */
    static void connectEnter(FdInfo f, RawEvent e, int i) {
        int fam = SocketParams.family(e, i);
        if (fam == SocketParams.AF_INET && e.paramLength(i) >= 7) {
            f.type = FdEntry.IPV4_SOCK;
            f.dip = SocketParams.bytesAt(e, i, 1, 4);
            f.dport = e.u16(i, 5);
        } else if (fam == SocketParams.AF_INET6 && e.paramLength(i) >= 19) {
            byte[] ip = SocketParams.bytesAt(e, i, 1, 16);
            boolean mapped = SocketParams.isIpv4Mapped(ip);
            f.type = mapped ? FdEntry.IPV4_SOCK : FdEntry.IPV6_SOCK;
            f.dip = mapped ? SocketParams.lastFour(ip) : ip;
            f.dport = e.u16(i, 17);
        } else {
            f.name = SocketParams.addrText(e, i);
        }
    }

    /** {@code replacePeer}: current libs always take the connected peer; 2022 kept a known one. */
    static void connectExit(FdInfo f, RawEvent e, int i, boolean replacePeer) {
        f.flags |= FdInfo.FLAG_SOCKET_CONNECTED;
        int fam = SocketParams.family(e, i);
        if (fam == SocketParams.AF_INET || fam == SocketParams.AF_INET6) {
            FdInfo seen = new FdInfo();
            if (SocketParams.fillTuple(seen, e, i)) {
                f.type = seen.type;
                boolean changed = TupleUpdates.setAddresses(f, seen.sip, seen.sport, seen.dip, seen.dport, replacePeer);
                if (changed && (f.flags & FdInfo.FLAG_ROLE_SERVER) != 0 && f.type == FdEntry.IPV4_SOCK
                        && f.l4proto == FdInfo.L4_UDP) {
                    TupleUpdates.swap(f);
                }
                f.name = tupleName(f);
            }
        } else {
            if (f.type != FdEntry.UNIX_SOCK) {
                return;
            }
            f.name = SocketParams.tupleText(e, i);
            SocketParams.fillUnix(f, e, i);
        }
        if ((f.flags & (FdInfo.FLAG_ROLE_CLIENT | FdInfo.FLAG_ROLE_SERVER)) == 0) {
            f.flags |= FdInfo.FLAG_ROLE_CLIENT;
        }
    }

    /** fd.name of a connected inet socket, as libsinsp's sockinfo_to_str writes it. */
    static String tupleName(FdInfo f) {
        return switch (f.l4proto) {
            case FdInfo.L4_TCP, FdInfo.L4_UDP -> SocketNames.tuple(f.sip, f.sport, f.dip, f.dport);
            case FdInfo.L4_ICMP, FdInfo.L4_RAW -> SocketNames.ip(f.sip) + "->" + SocketNames.ip(f.dip);
            default -> "<unknown>";
        };
    }

    static FdInfo accepted(RawEvent e, int i) {
        FdInfo f = new FdInfo();
        int fam = SocketParams.family(e, i);
        if (fam == SocketParams.AF_INET || fam == SocketParams.AF_INET6) {
            if (!SocketParams.fillTuple(f, e, i)) {
                return null;
            }
            f.l4proto = FdInfo.L4_TCP;
        } else if (fam == SocketParams.AF_UNIX) {
            f.type = FdEntry.UNIX_SOCK;
            SocketParams.fillUnix(f, e, i);
        } else {
            return null;
        }
        f.name = SocketParams.tupleText(e, i);
        f.flags = FdInfo.FLAG_ROLE_SERVER | FdInfo.FLAG_SOCKET_CONNECTED;
        return f;
    }
}
