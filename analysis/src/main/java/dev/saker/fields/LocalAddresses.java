package dev.saker.fields;

import dev.saker.scap.InterfaceEntry;
import java.util.Arrays;

/**
 * Whether an address belongs to the captured machine, by the capture's interface list, as libsinsp
 * decides it: an IPv4 address must be an interface's address, an IPv6 address must share an
 * interface's first 64 bits; current libs never call an IPv6 address of a container thread local.
 */
final class LocalAddresses {
    private LocalAddresses() {
    }

    /** @param addr the address, or null for a socket that has none yet (taken as all zeros of {@code width} bytes) */
    static boolean isLocal(EventContext c, byte[] addr, int width) {
        if (addr == null) {
            addr = new byte[width];
        }
        if (addr.length == 16 && c.edition() == LibsEdition.CURRENT && c.thread() != null
                && !c.thread().containerId.isEmpty()) {
            return false;
        }
        for (InterfaceEntry i : c.state().interfaces()) {
            byte[] a = i.addr();
            if (a == null || a.length != addr.length) {
                continue;
            }
            if (addr.length == 4 ? Arrays.equals(a, addr) : Arrays.equals(a, 0, 8, addr, 0, 8)) {
                return true;
            }
        }
        return false;
    }
}
