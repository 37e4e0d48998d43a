package dev.saker.state;

import dev.saker.scap.FdEntry;

/**
 * What a thread's file descriptor refers to, as libsinsp tracks it: its scap fd type, its name
 * (absolute path, socket tuple, pipe, ...) and, for sockets, the addresses and L4 protocol.
 * Addresses are raw bytes: 4 for IPv4, 16 for IPv6.
 */
public final class FdInfo {
    public static final int FLAG_ROLE_CLIENT = 1 << 2;
    public static final int FLAG_ROLE_SERVER = 1 << 3;
    public static final int FLAG_SOCKET_CONNECTED = 1 << 13;

    public static final int L4_UNKNOWN = 0;
    public static final int L4_NA = 1;
    public static final int L4_TCP = 2;
    public static final int L4_UDP = 3;
    public static final int L4_ICMP = 4;
    public static final int L4_RAW = 5;

    public int type;
    public String name = "";
    /** The path as the open call passed it (libsinsp's m_name_raw, fd.nameraw); "" for other fds. */
    public String nameRaw = "";
    /** fd.directory of {@link #name}, kept with the name it was derived from (see FdFields). */
    public String directoryText;
    public String directoryOf;
    public int openFlags;
    public long ino;
    public int dev;
    public int flags;
    public byte[] sip;
    public byte[] dip;
    public int sport;
    public int dport;
    public int l4proto;
    public long unixSource;
    public long unixDest;

    public FdInfo() {
    }

    public FdInfo(int type, String name) {
        this.type = type;
        this.name = name;
    }

    /** A copy, as dup and fork make. */
    public FdInfo copy() {
        FdInfo c = new FdInfo(type, name);
        c.nameRaw = nameRaw;
        c.openFlags = openFlags;
        c.ino = ino;
        c.dev = dev;
        c.flags = flags;
        c.sip = sip;
        c.dip = dip;
        c.sport = sport;
        c.dport = dport;
        c.l4proto = l4proto;
        c.unixSource = unixSource;
        c.unixDest = unixDest;
        return c;
    }

    static FdInfo from(FdEntry e) {
        FdInfo f = new FdInfo(e.type(), e.name());
        f.openFlags = e.openFlags();
        f.ino = e.ino();
        f.dev = e.dev();
        f.sip = e.sip();
        f.dip = e.dip();
        f.sport = e.sport();
        f.dport = e.dport();
        f.l4proto = e.l4proto();
        f.unixSource = e.unixSource();
        f.unixDest = e.unixDest();
        switch (e.type()) {
            case FdEntry.IPV4_SOCK, FdEntry.IPV6_SOCK -> f.name = SocketNames.tuple(f.sip, f.sport, f.dip, f.dport);
            case FdEntry.IPV4_SERVSOCK, FdEntry.IPV6_SERVSOCK -> f.name = SocketNames.endpoint(f.sip, f.sport);
            // libsinsp: a named unix socket in the process list is the listening end, an unnamed one a client
            case FdEntry.UNIX_SOCK -> f.flags |= f.name.isEmpty() ? FLAG_ROLE_CLIENT : FLAG_ROLE_SERVER;
            default -> { }
        }
        return f;
    }

    public boolean isSocket() {
        return type == FdEntry.IPV4_SOCK || type == FdEntry.IPV6_SOCK || type == FdEntry.IPV4_SERVSOCK
                || type == FdEntry.IPV6_SERVSOCK || type == FdEntry.UNIX_SOCK;
    }

    /** An IP connection socket (not a listening one). */
    public boolean isInetConnection() {
        return type == FdEntry.IPV4_SOCK || type == FdEntry.IPV6_SOCK;
    }

    /** A listening IP socket (a bound server port). */
    public boolean isInetServer() {
        return type == FdEntry.IPV4_SERVSOCK || type == FdEntry.IPV6_SERVSOCK;
    }

    public boolean isInet() {
        return type == FdEntry.IPV4_SOCK || type == FdEntry.IPV6_SOCK || type == FdEntry.IPV4_SERVSOCK
                || type == FdEntry.IPV6_SERVSOCK;
    }

    /** libsinsp's one-letter fd type (fd.typechar). */
    public char typeChar() {
        return switch (type) {
            case FdEntry.FILE, FdEntry.FILE_V2 -> 'f';
            case FdEntry.IPV4_SOCK, FdEntry.IPV4_SERVSOCK -> '4';
            case FdEntry.IPV6_SOCK, FdEntry.IPV6_SERVSOCK -> '6';
            case FdEntry.DIRECTORY -> 'd';
            case FdEntry.FIFO -> 'p';
            case FdEntry.UNIX_SOCK -> 'u';
            case FdEntry.EVENT -> 'e';
            case 0 -> 'o';
            case FdEntry.UNSUPPORTED -> 'X';
            case FdEntry.SIGNALFD -> 's';
            case FdEntry.EVENTPOLL -> 'l';
            case FdEntry.INOTIFY -> 'i';
            case FdEntry.TIMERFD -> 't';
            case FdEntry.NETLINK -> 'n';
            case FdEntry.BPF -> 'b';
            case FdEntry.USERFAULTFD -> 'u';
            case FdEntry.IOURING -> 'r';
            case FdEntry.MEMFD -> 'm';
            case FdEntry.PIDFD -> 'P';
            default -> '?';
        };
    }

    /** fd.type: libsinsp's type name. */
    public String typeName() {
        return switch (type) {
            case FdEntry.FILE, FdEntry.FILE_V2 -> "file";
            case FdEntry.DIRECTORY -> "directory";
            case FdEntry.IPV4_SOCK, FdEntry.IPV4_SERVSOCK -> "ipv4";
            case FdEntry.IPV6_SOCK, FdEntry.IPV6_SERVSOCK -> "ipv6";
            case FdEntry.UNIX_SOCK -> "unix";
            case FdEntry.FIFO -> "pipe";
            case FdEntry.EVENT -> "event";
            case FdEntry.SIGNALFD -> "signalfd";
            case FdEntry.EVENTPOLL -> "eventpoll";
            case FdEntry.INOTIFY -> "inotify";
            case FdEntry.TIMERFD -> "timerfd";
            case FdEntry.NETLINK -> "netlink";
            case FdEntry.BPF -> "bpf";
            case FdEntry.USERFAULTFD -> "userfaultfd";
            case FdEntry.IOURING -> "io_uring";
            case FdEntry.MEMFD -> "memfd";
            case FdEntry.PIDFD -> "pidfd";
            default -> "<NA>";
        };
    }

    /**
     * The L4 protocol as libsinsp reports it: a connection socket with no role yet (just created, not
     * bound, connected or accepted) reports "not applicable" unless it is raw.
     */
    public int effectiveL4proto() {
        if (isInetConnection()) {
            if (l4proto == L4_RAW) {
                return L4_RAW;
            }
            return (flags & (FLAG_ROLE_CLIENT | FLAG_ROLE_SERVER)) == 0 ? L4_NA : l4proto;
        }
        if (isInetServer()) {
            return l4proto;
        }
        return L4_UNKNOWN;
    }

    /** One-letter L4 protocol as libsinsp shows after the type char in fd renderings, or 0 for none. */
    public char l4Char() {
        return switch (effectiveL4proto()) {
            case L4_TCP -> 't';
            case L4_UDP -> 'u';
            case L4_ICMP -> 'i';
            case L4_RAW -> 'r';
            default -> 0;
        };
    }
}
