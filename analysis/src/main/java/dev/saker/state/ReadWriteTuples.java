package dev.saker.state;

import static dev.saker.state.EventParams.num;

import dev.saker.scap.EventTypes;
import dev.saker.scap.FdEntry;
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
        boolean incoming;
        switch (e.type()) {
            case EventTypes.SOCKET_SENDTO_X, EventTypes.SOCKET_SENDMSG_X, EventTypes.SOCKET_SEND_X -> {
                fdIndex = 2;
                tupleIndex = 4;
                incoming = false;
            }
            case EventTypes.SOCKET_RECV_X -> {
                fdIndex = 2;
                tupleIndex = 4;
                incoming = true;
            }
            case EventTypes.SOCKET_RECVFROM_X -> {
                fdIndex = 3;
                tupleIndex = 2;
                incoming = true;
            }
            case EventTypes.SOCKET_RECVMSG_X -> {
                fdIndex = 5;
                tupleIndex = 3;
                incoming = true;
            }
            default -> {
                return;
            }
        }
        if (num(e, 0, -1) < 0 || e.isEmpty(tupleIndex)) {
            return;
        }
        FdInfo f = state.fd(t, num(e, fdIndex, -1));
        // a TCP socket that has its name already keeps it: only datagram (or unnamed) sockets learn here
        if (f == null || !f.isInet() || (f.l4proto == FdInfo.L4_TCP && !f.name.isEmpty())) {
            return;
        }
        if (SocketParams.fillTuple(f, e, tupleIndex)) {
            if (f.l4proto == FdInfo.L4_UNKNOWN) {
                f.l4proto = FdInfo.L4_UDP;
            }
            InterfaceAddresses.complete(state.interfaces(), f);
            if ((f.flags & (FdInfo.FLAG_ROLE_CLIENT | FdInfo.FLAG_ROLE_SERVER)) == 0) {
                guessRole(state, t, f, incoming);
            }
            // the tuple is the packet's (source = sender); sip/sport are kept as the client's end
            boolean client = (f.flags & FdInfo.FLAG_ROLE_CLIENT) != 0;
            if (incoming == client) {
                swap(f);
            }
            f.name = Sockets.tupleName(f);
        }
    }

    /**
     * libsinsp's set_net_role_by_guessing: a process that has no socket bound to the destination port
     * is the client; one that does not use the source port as a client is the server; otherwise the
     * side that reads first is taken as the server.
     */
    private static void guessRole(SystemState state, ThreadInfo t, FdInfo f, boolean incoming) {
        FdTable fds = state.threads().fds(t);
        boolean bound = false;
        boolean usesClientPort = false;
        for (FdInfo other : fds.view().values()) {
            if ((other.type == FdEntry.IPV4_SERVSOCK || other.type == FdEntry.IPV6_SERVSOCK) && other.sport == f.dport) {
                bound = true;
            }
            if ((other.type == FdEntry.IPV4_SOCK || other.type == FdEntry.IPV6_SOCK)
                    && (other.flags & FdInfo.FLAG_ROLE_CLIENT) != 0 && other.sport == f.sport) {
                usesClientPort = true;
            }
        }
        if (!bound) {
            f.flags |= FdInfo.FLAG_ROLE_CLIENT;
        } else if (!usesClientPort) {
            f.flags |= FdInfo.FLAG_ROLE_SERVER;
        } else {
            f.flags |= incoming ? FdInfo.FLAG_ROLE_SERVER : FdInfo.FLAG_ROLE_CLIENT;
        }
    }

    private static void swap(FdInfo f) {
        byte[] ip = f.sip;
        int port = f.sport;
        f.sip = f.dip;
        f.sport = f.dport;
        f.dip = ip;
        f.dport = port;
    }
}
