package dev.saker.fields;

import dev.saker.scap.InterfaceEntry;
import dev.saker.state.SystemState;
import java.util.Arrays;

/** Whether an address belongs to the captured machine, by the capture's interface list. */
final class LocalAddresses {
    private LocalAddresses() {
    }

    static boolean isLocal(SystemState state, byte[] addr) {
        if (addr == null) {
            return false;
        }
        for (InterfaceEntry i : state.interfaces()) {
            if (Arrays.equals(i.addr(), addr)) {
                return true;
            }
        }
        return false;
    }
}
