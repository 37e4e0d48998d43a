package dev.saker.fields;

import dev.saker.scap.EventTypes;
import dev.saker.scap.RawEvent;
import dev.saker.state.FdInfo;
import dev.saker.state.Paths;
import dev.saker.state.SocketNames;
import java.util.Arrays;

/**
 * What an fd-creating call says about the fd when the fd itself is unknown (the call failed, or the
 * capture missed it): the name it tried to open or connect to, and the kind of fd it makes. The name
 * is read from the event's current-schema form, which carries the path even where old drivers
 * recorded it only on the enter event.
 */
final class FdCreators {
    private static final long AT_FDCWD = -100;

    private FdCreators() {
    }

    /** The name an exit event carries, "" for other exits, null for enter events. */
    static Object name(EventContext c) {
        RawEvent e = c.current() != null ? c.current() : c.raw();
        if ((e.type() & 1) == 0) {
            return null;
        }
        return switch (e.type()) {
            case EventTypes.SYSCALL_OPEN_X, EventTypes.SYSCALL_CREAT_X -> path(c, cwd(c), e.string(1));
            case EventTypes.SOCKET_ACCEPT_5_X, EventTypes.SOCKET_ACCEPT4_6_X, EventTypes.SOCKET_ACCEPT_X,
                    EventTypes.SOCKET_ACCEPT4_X, EventTypes.SOCKET_ACCEPT4_5_X, EventTypes.SOCKET_CONNECT_X -> tuple(e, 1);
            case EventTypes.SYSCALL_OPENAT_2_X, EventTypes.SYSCALL_OPENAT2_X -> {
                if (e.isEmpty(2) || e.isEmpty(1)) {
                    yield null;
                }
                yield path(c, dirOf(c, e.signed(1)), e.string(2));
            }
            case EventTypes.SYSCALL_OPEN_BY_HANDLE_AT_X -> e.isEmpty(3) ? "" : e.string(3);
            default -> "";
        };
    }

    /** fd.nameraw of an unknown fd: openat's name parameter as recorded, else what {@link #name} says. */
    static Object rawName(EventContext c) {
        RawEvent e = c.current() != null ? c.current() : c.raw();
        if (e.type() == EventTypes.SYSCALL_OPENAT_2_X || e.type() == EventTypes.SYSCALL_OPENAT2_X) {
            return e.isEmpty(2) ? null : e.string(2);
        }
        return name(c);
    }

    private static String path(EventContext c, String dir, String name) {
        if (name == null) {
            return "";
        }
        return Paths.concatenate(dir, name);
    }

    private static String cwd(EventContext c) {
        return c.thread() == null ? "/" : c.state().threads().cwd(c.thread());
    }

    private static String dirOf(EventContext c, long dirfd) {
        if (dirfd == AT_FDCWD) {
            return cwd(c);
        }
        FdInfo f = c.state().fd(c.thread(), dirfd);
        return f == null ? "<UNKNOWN>/" : f.name.endsWith("/") ? f.name : f.name + "/";
    }

    /** A socket tuple parameter as sysdig prints it: "sip:sport->dip:dport", or a unix socket's path. */
    static String tuple(RawEvent e, int i) {
        int len = e.paramLength(i);
        if (len == 0) {
            return "";
        }
        int family = e.u8(i, 0);
        byte[] b = e.bytes(i);
        switch (family) {
            case 2:
                if (len >= 13) {
                    return SocketNames.tuple(Arrays.copyOfRange(b, 1, 5), port(b, 5), Arrays.copyOfRange(b, 7, 11), port(b, 11));
                }
                break;
            case 10:
                if (len >= 37) {
                    return SocketNames.tuple(Arrays.copyOfRange(b, 1, 17), port(b, 17), Arrays.copyOfRange(b, 19, 35),
                            port(b, 35));
                }
                break;
            case 1:
                if (len > 17) {
                    int end = 17;
                    while (end < len && b[end] != 0) {
                        end++;
                    }
                    // unix tuples print as "source->dest path", the kernel socket addresses in hex
                    return Long.toHexString(e.u64(i, 1)) + "->" + Long.toHexString(e.u64(i, 9)) + " "
                            + new String(b, 17, end - 17, java.nio.charset.StandardCharsets.UTF_8);
                }
                break;
            default:
                break;
        }
        return "";
    }

    private static int port(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    /** The fd kind the call creates, by its enter type, as libsinsp guesses it; 'o' for other calls. */
    static char typeChar(int type) {
        return switch (type & ~1) {
            case EventTypes.SYSCALL_OPEN_E, EventTypes.SYSCALL_OPENAT_E, EventTypes.SYSCALL_OPENAT_2_E,
                    EventTypes.SYSCALL_OPENAT2_E, EventTypes.SYSCALL_CREAT_E -> 'f';
            case EventTypes.SOCKET_SOCKET_E, EventTypes.SOCKET_ACCEPT_E, EventTypes.SOCKET_ACCEPT_5_E,
                    EventTypes.SOCKET_ACCEPT4_E, EventTypes.SOCKET_ACCEPT4_5_E -> '4';
            case EventTypes.SYSCALL_PIPE_E -> 'p';
            case EventTypes.SYSCALL_EVENTFD_E -> 'e';
            case EventTypes.SYSCALL_SIGNALFD_E -> 's';
            case EventTypes.SYSCALL_TIMERFD_CREATE_E -> 't';
            case EventTypes.SYSCALL_INOTIFY_INIT_E -> 'i';
            default -> 'o';
        };
    }

}
