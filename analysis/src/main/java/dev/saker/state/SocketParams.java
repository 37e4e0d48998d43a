package dev.saker.state;

import dev.saker.scap.FdEntry;
import dev.saker.scap.RawEvent;

/**
 * Decodes PT_SOCKADDR and PT_SOCKTUPLE parameters into fd state, and writes them as libsinsp's
 * simple rendering (what becomes fd.name for bound, accepted and unix sockets).
 */
final class SocketParams {
    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    private SocketParams() {
    }

    static int family(RawEvent e, int i) {
        return e.isEmpty(i) ? -1 : e.u8(i, 0);
    }

    static byte[] bytesAt(RawEvent e, int i, int at, int n) {
        byte[] b = new byte[n];
        e.buffer().get(e.paramOffset(i) + at, b);
        return b;
    }

    static boolean isIpv4Mapped(byte[] a) {
        return SocketNames.isIpv4Mapped(java.nio.ByteBuffer.wrap(a), 0);
    }

    static byte[] lastFour(byte[] a) {
        return new byte[] {a[12], a[13], a[14], a[15]};
    }

    /** Fills addresses and ports from a socktuple; returns false when the family carries none. */
    static boolean fillTuple(FdInfo fd, RawEvent e, int i) {
        int fam = family(e, i);
        if (fam == AF_INET && e.paramLength(i) >= 13) {
            fd.type = FdEntry.IPV4_SOCK;
            fd.sip = bytesAt(e, i, 1, 4);
            fd.sport = e.u16(i, 5);
            fd.dip = bytesAt(e, i, 7, 4);
            fd.dport = e.u16(i, 11);
            return true;
        }
        if (fam == AF_INET6 && e.paramLength(i) >= 37) {
            byte[] sip = bytesAt(e, i, 1, 16);
            byte[] dip = bytesAt(e, i, 19, 16);
            if (isIpv4Mapped(sip) && isIpv4Mapped(dip)) {
                fd.type = FdEntry.IPV4_SOCK;
                fd.sip = lastFour(sip);
                fd.dip = lastFour(dip);
            } else {
                fd.type = FdEntry.IPV6_SOCK;
                fd.sip = sip;
                fd.dip = dip;
            }
            fd.sport = e.u16(i, 17);
            fd.dport = e.u16(i, 35);
            return true;
        }
        return false;
    }

    static void fillUnix(FdInfo fd, RawEvent e, int i) {
        if (e.paramLength(i) >= 17) {
            fd.unixSource = e.u64(i, 1);
            fd.unixDest = e.u64(i, 9);
        }
    }

    /** A socktuple as libsinsp's PF_SIMPLE text: "sip:sport->dip:dport" or "src->dst path" for unix. */
    static String tupleText(RawEvent e, int i) {
        int fam = family(e, i);
        if (fam == AF_INET || fam == AF_INET6) {
            FdInfo tmp = new FdInfo();
            if (fillTuple(tmp, e, i)) {
                return SocketNames.tuple(tmp.sip, tmp.sport, tmp.dip, tmp.dport);
            }
        } else if (fam == AF_UNIX && e.paramLength(i) >= 17) {
            return Long.toHexString(e.u64(i, 1)) + "->" + Long.toHexString(e.u64(i, 9)) + " " + unixPath(e, i, 17);
        }
        return "";
    }

    /** A sockaddr as PF_SIMPLE text: "ip:port" or the unix path. */
    static String addrText(RawEvent e, int i) {
        int fam = family(e, i);
        if (fam == AF_INET && e.paramLength(i) >= 7) {
            return SocketNames.endpoint(bytesAt(e, i, 1, 4), e.u16(i, 5));
        }
        if (fam == AF_INET6 && e.paramLength(i) >= 19) {
            byte[] ip = bytesAt(e, i, 1, 16);
            return SocketNames.endpoint(isIpv4Mapped(ip) ? lastFour(ip) : ip, e.u16(i, 17));
        }
        if (fam == AF_UNIX) {
            return unixPath(e, i, 1);
        }
        return "";
    }

    static String unixPath(RawEvent e, int i, int at) {
        int len = e.paramLength(i) - at;
        if (len <= 0) {
            return "";
        }
        int start = e.paramOffset(i) + at;
        int n = 0;
        while (n < len && e.buffer().get(start + n) != 0) {
            n++;
        }
        return e.utf8(start, n);
    }
}
