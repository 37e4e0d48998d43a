package dev.saker.fields;

import dev.saker.scap.EventTypes;
import dev.saker.scap.FdEntry;
import dev.saker.scap.RawEvent;
import dev.saker.state.FdInfo;
import dev.saker.state.SocketNames;
import java.util.function.BiFunction;

/**
 * fd.* fields: the file descriptor the event refers to (see {@link EventFdTracker}). They have values
 * only for events that create, use or destroy an fd. When the fd is unknown, e.g. after a failed open,
 * fd.name and fd.directory fall back to the name the creating exit event carries, and fd.typechar to
 * the kind of fd the call would have made.
 */
final class FdFields {
    private FdFields() {
    }

    static void register(FieldRegistry r) {
        r.addLong("fd.num", "fd number", (c, a) -> c.fdRelated() ? c.fdNum() : LongExtractor.NA);
        fd(r, "fd.type", FieldType.STRING, "fd type: file, directory, ipv4, ipv6, unix, pipe, event, ...",
                (c, f) -> f.typeName());
        r.add("fd.typechar", FieldType.STRING, "fd type as one character", (c, a) -> {
            if (!c.fdRelated()) {
                return null;
            }
            return oneChar(c.fd() != null ? c.fd().typeChar() : FdCreators.typeChar(c.raw().type()));
        });
        r.add("fd.name", FieldType.STRING, "fd name: path, socket tuple, ...", (c, a) -> sanitized(c, name(c)));
        r.add("fd.nameraw", FieldType.STRING, "a file fd's path as the open call passed it (not made absolute)",
                (c, a) -> nameRaw(c));
        r.add("fd.name_changed", FieldType.BOOL, "whether the event changed the name of its fd",
                (c, a) -> c.fdRelated() && c.fd() != null ? c.fdNameChanged() : null);
        r.add("fd.directory", FieldType.STRING, "directory of a file fd", (c, a) -> sanitized(c, directory(c)));
        fd(r, "fd.filename", FieldType.STRING, "file name of a file fd, without its directory",
                (c, f) -> sanitized(c, filename(f)));
        fd(r, "fd.cip", FieldType.STRING, "client IP address", (c, f) -> hasRole(f) && f.isInetConnection() ? ip(f.sip) : null);
        fd(r, "fd.sip", FieldType.STRING, "server IP address", (c, f) -> serverIp(f));
        fd(r, "fd.cport", FieldType.NUMBER, "client port", FdFields::clientPort);
        fd(r, "fd.sport", FieldType.NUMBER, "server port", (c, f) -> serverPort(f));
        fd(r, "fd.lip", FieldType.STRING, "local IP address", (c, f) -> localRemote(c, f, true, true));
        fd(r, "fd.rip", FieldType.STRING, "remote IP address", (c, f) -> localRemote(c, f, true, false));
        fd(r, "fd.lport", FieldType.NUMBER, "local port", (c, f) -> localRemote(c, f, false, true));
        fd(r, "fd.rport", FieldType.NUMBER, "remote port", (c, f) -> localRemote(c, f, false, false));
        fd(r, "fd.l4proto", FieldType.STRING, "IP protocol: tcp, udp, icmp, raw", (c, f) -> l4proto(f));
        fd(r, "fd.sockfamily", FieldType.STRING, "ip or unix for sockets", (c, f) -> f.isInet() ? "ip"
                : f.type == FdEntry.UNIX_SOCK ? "unix" : null);
        fd(r, "fd.is_server", FieldType.BOOL, "whether the fd is a listening socket, or a connection whose"
                + " destination is this machine", (c, f) -> switch (f.type) {
                    case FdEntry.IPV4_SERVSOCK, FdEntry.IPV6_SERVSOCK -> true;
                    case FdEntry.IPV4_SOCK, FdEntry.IPV6_SOCK -> LocalAddresses.isLocal(c, f.dip, width(f));
                    default -> false;
                });
        fd(r, "fd.connected", FieldType.BOOL, "whether the socket is connected",
                (c, f) -> (f.flags & FdInfo.FLAG_SOCKET_CONNECTED) != 0);
        // Names come from libsinsp's DNS manager, which learns them from live lookups only: a capture
        // never has them, and an empty name is no value.
        for (String end : new String[] {"cip", "sip", "lip", "rip"}) {
            fd(r, "fd." + end + ".name", FieldType.STRING, "domain name of fd." + end + " (never known in a capture)",
                    (c, f) -> null);
        }
        // Filter-only in libsinsp: the filter compiles them itself (dev.saker.filter.NetChecks); printed,
        // they have no value, except the end networks, which show the end's address.
        r.add("fd.ip", FieldType.STRING, "matches the IP address (client or server) of the fd (filter only)",
                (c, a) -> null);
        r.add("fd.port", FieldType.NUMBER, "matches the port (client or server) of the fd (filter only)",
                (c, a) -> null);
        r.add("fd.proto", FieldType.NUMBER, "matches the protocol (client or server) of the fd; as in libsinsp it"
                + " compares port numbers (filter only)", (c, a) -> null);
        r.add("fd.net", FieldType.STRING, "matches the IP network (client or server) of the fd, e.g."
                + " fd.net=10.0.0.0/8 (filter only)", (c, a) -> null);
        fd(r, "fd.cnet", FieldType.STRING, "matches the client IP network of the fd (filter only)",
                (c, f) -> hasRole(f) && f.isInetConnection() ? ip(f.sip) : null);
        fd(r, "fd.snet", FieldType.STRING, "matches the server IP network of the fd (filter only)", (c, f) -> serverIp(f));
        fd(r, "fd.lnet", FieldType.STRING, "matches the local IP network of the fd (filter only)",
                (c, f) -> localRemote(c, f, true, true));
        fd(r, "fd.rnet", FieldType.STRING, "matches the remote IP network of the fd (filter only)",
                (c, f) -> localRemote(c, f, true, false));
        fd(r, "fd.ino", FieldType.NUMBER, "inode number", (c, f) -> f.ino);
    }

    private static void fd(FieldRegistry r, String name, FieldType type, String description,
                           BiFunction<EventContext, FdInfo, Object> f) {
        r.add(name, type, description, (c, a) -> c.fdRelated() && c.fd() != null ? f.apply(c, c.fd()) : null);
    }

    /**
     * 2022 libsinsp strips every byte that is not printable ASCII from fd names before printing
     * them (non-ASCII UTF-8 included); current libs print names as they are.
     */
    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char ch = 0; ch < 128; ch++) {
            ONE_CHAR[ch] = String.valueOf(ch);
        }
    }

    /** fd.typechar's text without a new string per event. */
    private static String oneChar(char ch) {
        return ch < 128 ? ONE_CHAR[ch] : String.valueOf(ch);
    }

    static Object sanitized(EventContext c, Object v) {
        if (c.edition() != LibsEdition.SYSDIG_2022 || !(v instanceof String s)) {
            return v;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean printable = ch >= 0x20 && ch < 0x7f;
            if (!printable && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            } else if (printable && sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static Object name(EventContext c) {
        if (!c.fdRelated()) {
            return null;
        }
        if (c.fd() != null && !failedConnect(c.raw())) {
            return c.fd().name;
        }
        return FdCreators.name(c);
    }

    /**
     * fd.nameraw: the fd's raw path, or for an unknown fd what the call passed (openat's relative name
     * as given; the other calls as fd.name finds it), with repeated '/' squeezed as libsinsp does.
     */
    private static Object nameRaw(EventContext c) {
        if (!c.fdRelated()) {
            return null;
        }
        Object n;
        if (c.fd() != null && !failedConnect(c.raw())) {
            n = c.fd().nameRaw;
        } else {
            n = FdCreators.rawName(c);
        }
        return n instanceof String s ? DerivedTexts.squeezed(s) : n;
    }

    /** A failed connect names the address it tried, not what the fd was before. */
    private static boolean failedConnect(RawEvent e) {
        return e.type() == EventTypes.SOCKET_CONNECT_X && !e.isEmpty(0) && e.signed(0) < 0;
    }

    private static Object directory(EventContext c) {
        if (!c.fdRelated()) {
            return null;
        }
        FdInfo f = c.fd();
        String name;
        if (f == null) {
            Object n = FdCreators.name(c);
            if (n == null) {
                return null;
            }
            name = (String) n;
        } else if (!isFile(f) && f.type != FdEntry.DIRECTORY) {
            return null;
        } else {
            name = f.name;
        }
        if (f != null && f.type == FdEntry.DIRECTORY) {
            return name;
        }
        if (f == null) {
            return DerivedTexts.directory(name);
        }
        if (f.directoryOf != name) {
            f.directoryText = DerivedTexts.directory(name);
            f.directoryOf = name;
        }
        return f.directoryText;
    }

    private static Object filename(FdInfo f) {
        return isFile(f) ? DerivedTexts.filename(f.name) : null;
    }

    private static boolean isFile(FdInfo f) {
        return f.type == FdEntry.FILE || f.type == FdEntry.FILE_V2;
    }

    private static boolean hasRole(FdInfo f) {
        return (f.flags & (FdInfo.FLAG_ROLE_CLIENT | FdInfo.FLAG_ROLE_SERVER)) != 0;
    }

    private static String ip(byte[] addr) {
        return addr == null ? null : DerivedTexts.ip(addr);
    }

    private static Object serverIp(FdInfo f) {
        if (!hasRole(f)) {
            return null;
        }
        return switch (f.type) {
            case FdEntry.IPV4_SOCK, FdEntry.IPV6_SOCK -> ip(f.dip);
            case FdEntry.IPV4_SERVSOCK, FdEntry.IPV6_SERVSOCK -> ip(f.sip);
            default -> null;
        };
    }

    private static Object clientPort(EventContext c, FdInfo f) {
        if (!hasRole(f)) {
            return null;
        }
        if (f.isInetConnection()) {
            return (long) f.sport;
        }
        // 2022 libsinsp's client-port case falls through into the protocol case: an empty value, shown as 0
        return c.edition() == LibsEdition.SYSDIG_2022 ? (Object) 0L : null;
    }

    private static Object serverPort(FdInfo f) {
        return switch (f.type) {
            case FdEntry.IPV4_SOCK, FdEntry.IPV6_SOCK -> hasRole(f) ? (Object) (long) f.dport : null;
            case FdEntry.IPV4_SERVSOCK, FdEntry.IPV6_SERVSOCK -> (long) f.sport;
            default -> null;
        };
    }

    /**
     * Local/remote ends of a connected socket. libsinsp asks whether the source address belongs to this
     * machine's interfaces; without interface data the client end is taken as local.
     */
    private static Object localRemote(EventContext c, FdInfo f, boolean ipWanted, boolean localWanted) {
        if (!f.isInetConnection() || !hasRole(f)) {
            return null;
        }
        boolean sourceIsLocal = LocalAddresses.isLocal(c, f.sip, width(f));
        boolean source = sourceIsLocal == localWanted;
        if (ipWanted) {
            return ip(source ? f.sip : f.dip);
        }
        return (long) (source ? f.sport : f.dport);
    }

    /** libsinsp's get_l4proto: a connected socket without a role yet has none, unless raw. */
    private static int width(FdInfo f) {
        return f.type == FdEntry.IPV6_SOCK || f.type == FdEntry.IPV6_SERVSOCK ? 16 : 4;
    }

    private static Object l4proto(FdInfo f) {
        int p = f.l4proto;
        if (f.isInetConnection() && p != FdInfo.L4_RAW && !hasRole(f)) {
            p = FdInfo.L4_NA;
        } else if (!f.isInet()) {
            p = FdInfo.L4_NA;
        }
        return switch (p) {
            case FdInfo.L4_TCP -> "tcp";
            case FdInfo.L4_UDP -> "udp";
            case FdInfo.L4_ICMP -> "icmp";
            case FdInfo.L4_RAW -> "raw";
            default -> "<NA>";
        };
    }

}
