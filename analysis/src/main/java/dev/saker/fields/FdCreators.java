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

    /**
     * The name an exit event carries, "" for other exits, null for enter events. Built once per
     * distinct directory and parameter bytes (see {@link CreatorNames}): rules test it on every
     * failed open.
     */
    static Object name(EventContext c) {
        RawEvent e = c.current() != null ? c.current() : c.raw();
        if ((e.type() & 1) == 0) {
            return null;
        }
        return switch (e.type()) {
            case EventTypes.SYSCALL_OPEN_X, EventTypes.SYSCALL_CREAT_X -> path(e, 1, cwd(c), true);
            case EventTypes.SOCKET_ACCEPT_5_X, EventTypes.SOCKET_ACCEPT4_6_X, EventTypes.SOCKET_ACCEPT_X,
                    EventTypes.SOCKET_ACCEPT4_X, EventTypes.SOCKET_ACCEPT4_5_X, EventTypes.SOCKET_CONNECT_X -> {
                if (e.paramLength(1) == 0) {
                    yield "";
                }
                String known = CreatorNames.find(CreatorNames.TUPLE, null, e, 1);
                yield known != null ? known : CreatorNames.remember(CreatorNames.TUPLE, null, e, 1, tuple(e, 1));
            }
            case EventTypes.SYSCALL_OPENAT_2_X, EventTypes.SYSCALL_OPENAT2_X -> {
                if (e.isEmpty(2) || e.isEmpty(1)) {
                    yield null;
                }
                long dirfd = e.signed(1);
                if (dirfd == AT_FDCWD) {
                    yield path(e, 2, cwd(c), true);
                }
                FdInfo f = c.state().fd(c.thread(), dirfd);
                yield f == null ? path(e, 2, UNKNOWN_DIR, true) : path(e, 2, f.name, f.name.endsWith("/"));
            }
            case EventTypes.SYSCALL_OPEN_BY_HANDLE_AT_X -> e.isEmpty(3) ? "" : text(e, 3);
            default -> "";
        };
    }

    /** fd.nameraw of an unknown fd: openat's name parameter as recorded, else what {@link #name} says. */
    static Object rawName(EventContext c) {
        RawEvent e = c.current() != null ? c.current() : c.raw();
        if (e.type() == EventTypes.SYSCALL_OPENAT_2_X || e.type() == EventTypes.SYSCALL_OPENAT2_X) {
            return e.isEmpty(2) ? null : text(e, 2);
        }
        return name(c);
    }

    private static final String UNKNOWN_DIR = "<UNKNOWN>/";

    /** Parameter {@code i} as text (as {@link RawEvent#string} decodes it), remembered. */
    private static String text(RawEvent e, int i) {
        String known = CreatorNames.find(CreatorNames.TEXT, null, e, i);
        return known != null ? known : CreatorNames.remember(CreatorNames.TEXT, null, e, i, e.string(i));
    }

    /**
     * Parameter {@code i} as a path joined to {@code dir} (which gets a '/' when {@code dirHasSlash}
     * is false), as libsinsp's concatenate_paths does; "" when the parameter is empty.
     */
    private static String path(RawEvent e, int i, String dir, boolean dirHasSlash) {
        if (e.isEmpty(i)) {
            return "";
        }
        // the key is the directory as the state holds it and whether it needs the slash (the kind)
        int kind = dirHasSlash ? CreatorNames.PATH : CreatorNames.PATH_ADD_SLASH;
        String known = CreatorNames.find(kind, dir, e, i);
        if (known != null) {
            return known;
        }
        return CreatorNames.remember(kind, dir, e, i, Paths.concatenate(dirHasSlash ? dir : dir + "/", e.string(i)));
    }

    private static String cwd(EventContext c) {
        return c.thread() == null ? "/" : c.state().threads().cwd(c.thread());
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
