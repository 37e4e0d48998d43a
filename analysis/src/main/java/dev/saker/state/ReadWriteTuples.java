package dev.saker.state;

import static dev.saker.state.EventParams.num;

import dev.saker.scap.EventTypes;
import dev.saker.scap.RawEvent;

/**
 * A datagram socket learns its peer from the tuple sendto/recvfrom/sendmsg/recvmsg carry
 * (libsinsp's parse_rw_exit), which is how an unconnected UDP socket gets a name.
 */
final class ReadWriteTuples {
    private ReadWriteTuples() {
    }

    static void apply(SystemState state, ThreadInfo t, RawEvent e) {
        int tupleIndex;
        int fdIndex;
        switch (e.type()) {
            case EventTypes.SOCKET_SENDTO_X, EventTypes.SOCKET_SENDMSG_X -> {
                fdIndex = 2;
                tupleIndex = 4;
            }
            case EventTypes.SOCKET_RECVFROM_X -> {
                fdIndex = 3;
                tupleIndex = 2;
            }
            case EventTypes.SOCKET_RECVMSG_X -> {
                fdIndex = 5;
                tupleIndex = 3;
            }
            default -> {
                return;
            }
        }
        if (num(e, 0, -1) < 0 || e.isEmpty(tupleIndex)) {
            return;
        }
        FdInfo f = state.fd(t, num(e, fdIndex, -1));
        if (f == null || !f.isInet() || f.l4proto != FdInfo.L4_UDP) {
            return;
        }
        if (SocketParams.fillTuple(f, e, tupleIndex)) {
            f.name = Sockets.tupleName(f);
        }
    }
}
