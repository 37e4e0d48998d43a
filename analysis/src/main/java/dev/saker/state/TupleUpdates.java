package dev.saker.state;

import dev.saker.scap.FdEntry;
import dev.saker.scap.InterfaceEntry;
import dev.saker.scap.RawEvent;
import java.util.Arrays;
import java.util.List;

/**
 * How a socktuple seen on an event updates an inet socket (libsinsp's update_fd): a tuple equal to
 * the known one in either direction changes nothing; otherwise the source side is taken over and the
 * destination only where it was unknown; a missing local address is inferred from the capture's
 * interface list.
 */
final class TupleUpdates {
    private static final byte[] V4_ZERO = new byte[4];
    private static final byte[] V6_ZERO = new byte[16];
    private static final byte[] V4_LOOPBACK = {127, 0, 0, 1};
    private static final byte[] V6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private TupleUpdates() {
    }

    /** Takes over the tuple's source, and its destination where unknown or {@code replacePeer}; true on change. */
    static boolean setAddresses(FdInfo f, byte[] sip, int sport, byte[] dip, int dport, boolean replacePeer) {
        if (f.isInetConnection()) {
            boolean same = Arrays.equals(sip, f.sip) && sport == f.sport && Arrays.equals(dip, f.dip)
                    && dport == f.dport;
            boolean reversed = Arrays.equals(dip, f.sip) && dport == f.sport && Arrays.equals(sip, f.dip)
                    && sport == f.dport;
            if (same || reversed) {
                return false;
            }
        }
        boolean changed = false;
        if (!Arrays.equals(f.sip, sip)) {
            f.sip = sip;
            changed = true;
        }
        if (f.sport != sport) {
            f.sport = sport;
            changed = true;
        }
        if (isZero(f.dip) || (replacePeer && !Arrays.equals(f.dip, dip))) {
            f.dip = dip;
            changed = true;
        }
        if (f.dport == 0 || (replacePeer && f.dport != dport)) {
            f.dport = dport;
            changed = true;
        }
        return changed;
    }

    /** update_fd for an inet or unix tuple parameter; true when the fd changed. */
    static boolean update(FdInfo f, RawEvent e, int i, List<InterfaceEntry> interfaces, boolean replacePeer) {
        int fam = SocketParams.family(e, i);
        if (fam == SocketParams.AF_INET && e.paramLength(i) >= 13) {
            if (f.type == FdEntry.IPV4_SERVSOCK) {
                f.dip = null;
                f.dport = 0;
            }
            f.type = FdEntry.IPV4_SOCK;
            if (!setAddresses(f, SocketParams.bytesAt(e, i, 1, 4), e.u16(i, 5), SocketParams.bytesAt(e, i, 7, 4),
                    e.u16(i, 11), replacePeer)) {
                return false;
            }
        } else if (fam == SocketParams.AF_INET6 && e.paramLength(i) >= 37) {
            byte[] sip = SocketParams.bytesAt(e, i, 1, 16);
            byte[] dip = SocketParams.bytesAt(e, i, 19, 16);
            boolean changed;
            if (SocketParams.isIpv4Mapped(sip) && SocketParams.isIpv4Mapped(dip)) {
                f.type = FdEntry.IPV4_SOCK;
                changed = setAddresses(f, SocketParams.lastFour(sip), e.u16(i, 17), SocketParams.lastFour(dip),
                        e.u16(i, 35), replacePeer);
            } else {
                changed = setAddresses(f, sip, e.u16(i, 17), dip, e.u16(i, 35), replacePeer);
            }
            if (!changed) {
                return false;
            }
        } else if (fam == SocketParams.AF_UNIX) {
            f.type = FdEntry.UNIX_SOCK;
            SocketParams.fillUnix(f, e, i);
            f.name = SocketParams.unixPath(e, i, 17);
            return true;
        } else {
            return false;
        }
        if (f.isInetConnection() && f.l4proto == FdInfo.L4_UNKNOWN) {
            f.l4proto = FdInfo.L4_UDP;
        }
        inferLocalAddress(f, interfaces);
        return true;
    }

    static void swap(FdInfo f) {
        byte[] ip = f.sip;
        int port = f.sport;
        f.sip = f.dip;
        f.sport = f.dport;
        f.dip = ip;
        f.dport = port;
    }

    /** A zero source or destination address is guessed from the interfaces (network_interfaces::update_fd). */
    private static void inferLocalAddress(FdInfo f, List<InterfaceEntry> interfaces) {
        boolean v4 = f.type == FdEntry.IPV4_SOCK;
        if (!isZero(f.sip) && !isZero(f.dip)) {
            return;
        }
        boolean sourceMissing = isZero(f.sip);
        byte[] known = sourceMissing ? f.dip : f.sip;
        byte[] guess = infer(known, interfaces, v4);
        if (Arrays.equals(guess, known) && f.sport == f.dport) {
            return;
        }
        if (sourceMissing) {
            f.sip = guess;
        } else {
            f.dip = guess;
        }
    }

    private static byte[] infer(byte[] dest, List<InterfaceEntry> interfaces, boolean v4) {
        int family = v4 ? 4 : 6;
        for (InterfaceEntry it : interfaces) {
            if (it.family() == family && Arrays.equals(it.addr(), dest)) {
                return it.addr();
            }
        }
        for (InterfaceEntry it : interfaces) {
            if (it.family() == family && sameNet(it, dest, v4)) {
                return it.addr();
            }
        }
        for (InterfaceEntry it : interfaces) {
            if (it.family() == family && !Arrays.equals(it.addr(), v4 ? V4_LOOPBACK : V6_LOOPBACK)) {
                return it.addr();
            }
        }
        return v4 ? V4_ZERO : V6_ZERO;
    }

    /** IPv4 by netmask; IPv6 by the /64 prefix, as libsinsp's ipv6addr::in_subnet compares. */
    private static boolean sameNet(InterfaceEntry it, byte[] dest, boolean v4) {
        if (dest == null || dest.length != it.addr().length) {
            return false;
        }
        int n = v4 ? 4 : 8;
        for (int k = 0; k < n; k++) {
            int mask = v4 ? it.netmask()[k] : 0xff;
            if ((it.addr()[k] & mask) != (dest[k] & mask)) {
                return false;
            }
        }
        return true;
    }

    static boolean isZero(byte[] a) {
        if (a == null) {
            return true;
        }
        for (byte b : a) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
