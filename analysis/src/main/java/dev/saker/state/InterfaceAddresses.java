package dev.saker.state;

import dev.saker.scap.FdEntry;
import dev.saker.scap.InterfaceEntry;
import java.util.Arrays;
import java.util.List;

/**
 * Completes a socket tuple that lacks one address (e.g. an unbound UDP socket's source "::") from the
 * capture's interface list, as libsinsp's sinsp_network_interfaces::update_fd does: the interface
 * with exactly that address, else one in the same subnet (IPv4 by netmask, IPv6 by the first 64
 * bits), else the first that is not loopback.
 */
final class InterfaceAddresses {
    private static final byte[] V4_LOOPBACK = {127, 0, 0, 1};
    private static final byte[] V6_LOOPBACK = new byte[16];

    static {
        V6_LOOPBACK[15] = 1;
    }

    private InterfaceAddresses() {
    }

    static void complete(List<InterfaceEntry> interfaces, FdInfo f) {
        if (f.type != FdEntry.IPV4_SOCK && f.type != FdEntry.IPV6_SOCK) {
            return;
        }
        boolean srcMissing = isZero(f.sip);
        boolean dstMissing = isZero(f.dip);
        if (!srcMissing && !dstMissing) {
            return;
        }
        int family = f.type == FdEntry.IPV4_SOCK ? 4 : 6;
        byte[] known = srcMissing ? f.dip : f.sip;
        byte[] inferred = infer(interfaces, family, known);
        if (Arrays.equals(inferred, known) && f.sport == f.dport) {
            return;
        }
        if (srcMissing) {
            f.sip = inferred;
        } else {
            f.dip = inferred;
        }
    }

    private static byte[] infer(List<InterfaceEntry> interfaces, int family, byte[] dest) {
        int width = family == 4 ? 4 : 16;
        for (InterfaceEntry i : interfaces) {
            if (i.family() == family && Arrays.equals(i.addr(), dest)) {
                return i.addr();
            }
        }
        for (InterfaceEntry i : interfaces) {
            if (i.family() == family && sameSubnet(family, i, dest)) {
                return i.addr();
            }
        }
        for (InterfaceEntry i : interfaces) {
            if (i.family() == family && !Arrays.equals(i.addr(), family == 4 ? V4_LOOPBACK : V6_LOOPBACK)) {
                return i.addr();
            }
        }
        return new byte[width];
    }

    private static boolean sameSubnet(int family, InterfaceEntry i, byte[] dest) {
        byte[] a = i.addr();
        if (a == null || dest == null || a.length != dest.length) {
            return false;
        }
        if (family == 6) {
            return Arrays.equals(a, 0, 8, dest, 0, 8);
        }
        byte[] mask = i.netmask();
        if (mask == null || mask.length != 4) {
            return false;
        }
        for (int k = 0; k < 4; k++) {
            if ((a[k] & mask[k]) != (dest[k] & mask[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(byte[] a) {
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
