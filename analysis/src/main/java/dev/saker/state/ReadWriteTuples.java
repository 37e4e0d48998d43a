package dev.saker.state;

import static dev.saker.state.EventParams.num;

import dev.saker.scap.EventInfo;
import dev.saker.scap.EventTypes;
import dev.saker.scap.FdEntry;
import dev.saker.scap.RawEvent;

/**
 * What reads and writes teach about sockets (libsinsp's parse_rw_exit): a successful transfer marks
 * an inet socket connected, and the tuple sendto/recvfrom/sendmsg/recvmsg carry names a socket that
 * is unnamed or not TCP, with the addresses oriented by the socket's role.
 */
final class ReadWriteTuples {
    private ReadWriteTuples() {
    }

    static void apply(SystemState state, ThreadInfo t, RawEvent e) {
        EventInfo info = e.info();
        if (info == null || info.isEnter() || (info.flags() & (EventInfo.EF_READS_FROM_FD | EventInfo.EF_WRITES_TO_FD)) == 0) {
            return;
        }
        int fdIndex = info.paramIndex("fd");
        if (fdIndex < 0 || num(e, 0, -1) < 0) {
            return;
        }
        FdInfo f = state.fd(t, num(e, fdIndex, -1));
        if (f == null) {
            return;
        }
        if (f.isInetConnection()) {
            f.flags |= FdInfo.FLAG_SOCKET_CONNECTED;
        }
        boolean incoming = (info.flags() & EventInfo.EF_READS_FROM_FD) != 0;
        int tupleIndex = tupleIndex(e.type());
        if (tupleIndex < 0 || e.isEmpty(tupleIndex) || !(f.name.isEmpty() || !isTcp(f))) {
            return;
        }
        if (!TupleUpdates.update(f, e, tupleIndex, state.interfaces(),
                state.revision() == ParserRevision.CURRENT)) {
            return;
        }
        if (f.isInetConnection()) {
            if ((f.flags & (FdInfo.FLAG_ROLE_CLIENT | FdInfo.FLAG_ROLE_SERVER)) == 0) {
                guessRole(state, t, f, incoming);
            }
            boolean client = (f.flags & FdInfo.FLAG_ROLE_CLIENT) != 0;
            boolean server = (f.flags & FdInfo.FLAG_ROLE_SERVER) != 0;
            if ((incoming && client) || (!incoming && server)) {
                TupleUpdates.swap(f);
            }
            f.name = Sockets.tupleName(f);
        } else {
            f.name = SocketParams.tupleText(e, tupleIndex);
        }
    }

    private static int tupleIndex(int type) {
        return switch (type) {
            case EventTypes.SOCKET_SENDTO_X, EventTypes.SOCKET_SENDMSG_X -> 4;
            case EventTypes.SOCKET_RECVFROM_X -> 2;
            case EventTypes.SOCKET_RECVMSG_X -> 3;
            default -> -1;
        };
    }

    /** libsinsp treats only IPv4 TCP sockets as TCP here. */
    private static boolean isTcp(FdInfo f) {
        return f.type == FdEntry.IPV4_SOCK && f.l4proto == FdInfo.L4_TCP;
    }

    /** A socket whose peer port is one this process listens on is the server side (set_net_role_by_guessing). */
    private static void guessRole(SystemState state, ThreadInfo t, FdInfo f, boolean incoming) {
        FdTable fds = state.threads().fds(t);
        boolean bound = false;
        boolean clientPort = false;
        for (FdInfo other : fds.all()) {
            if (other.type == FdEntry.IPV4_SOCK && other.dport == f.dport
                    || other.type == FdEntry.IPV4_SERVSOCK && other.sport == f.dport) {
                bound = true;
            }
            if (other.type == FdEntry.IPV4_SOCK && other.sport == f.sport) {
                clientPort = true;
            }
        }
        if (!bound) {
            f.flags |= FdInfo.FLAG_ROLE_CLIENT;
        } else if (!clientPort) {
            f.flags |= FdInfo.FLAG_ROLE_SERVER;
        } else {
            f.flags |= incoming ? FdInfo.FLAG_ROLE_SERVER : FdInfo.FLAG_ROLE_CLIENT;
        }
    }
}
