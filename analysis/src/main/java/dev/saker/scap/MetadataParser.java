package dev.saker.scap;

import java.nio.ByteBuffer;

/** Decodes MI, PL, FDL, IL and UL block bodies (scap_savefile.c's readers, every block version). */
final class MetadataParser {
    private static final int MAX_PATH = 1024;
    private static final int MAX_ARGS = 4096;
    private static final int MAX_CRED = 256;
    /** Bytes of loginuid, exe_writable and three capability sets: what pre-0.10 writers left after root. */
    private static final int PRE_0_10_TAIL = 29;

    private MetadataParser() {
    }

    static MachineInfo machineInfo(BodyCursor c) throws CaptureFormatException {
        int cpus = c.u32();
        long mem = c.u64();
        long maxPid = c.u64();
        byte[] host = c.bytes(128);
        int n = 0;
        while (n < host.length && host[n] != 0) {
            n++;
        }
        long boot = c.u64();
        long flags = c.u64();
        return new MachineInfo(cpus, mem, maxPid, new String(host, 0, n, java.nio.charset.StandardCharsets.UTF_8), boot,
                flags);
    }

    static void processList(BodyCursor c, int version, MetadataListener out) throws CaptureFormatException {
        while (c.remaining() >= 4) {
            int entryStart = c.position();
            long subLen = version == 9 ? Integer.toUnsignedLong(c.u32()) : 0;
            ProcessEntry p = new ProcessEntry();
            p.tid = c.u64();
            p.pid = c.u64();
            p.ptid = c.u64();
            if (version >= 6) {
                p.sid = c.u64();
            }
            if (version >= 8) {
                p.vpgid = c.u64();
            }
            p.comm = c.str(MAX_PATH, "comm");
            p.exe = c.str(MAX_PATH, "exe");
            if (version >= 7) {
                p.exepath = c.str(MAX_PATH, "exepath");
            }
            p.args = c.strBytes(MAX_ARGS, "args");
            p.cwd = c.str(MAX_PATH, "cwd");
            p.fdlimit = c.u64();
            p.flags = c.u32();
            p.uid = c.u32();
            p.gid = c.u32();
            if (version >= 2) {
                p.vmsizeKb = c.u32();
                p.vmrssKb = c.u32();
                p.vmswapKb = c.u32();
                p.pfmajor = c.u64();
                p.pfminor = c.u64();
            }
            if (version >= 3) {
                p.env = c.strBytes(MAX_ARGS, "env");
            }
            if (version >= 4) {
                p.vtid = c.u64();
                p.vpid = c.u64();
                p.cgroups = c.strBytes(MAX_ARGS, "cgroups");
            }
            if (version >= 5) {
                p.root = c.str(MAX_PATH, "root");
            }
            if (version == 9) {
                readTail(c, p, entryStart, subLen);
            }
            out.onProcess(p);
        }
    }

    /** The length-gated PL_V9 tail, with libscap's detection of the pre-0.10 field order. */
    private static void readTail(BodyCursor c, ProcessEntry p, int entryStart, long subLen)
            throws CaptureFormatException {
        if (subLen < c.position() - entryStart) {
            throw new CaptureFormatException(-1, "process entry length " + subLen + " is shorter than its fields");
        }
        boolean pre010 = subLen - (c.position() - entryStart) <= PRE_0_10_TAIL;
        if (!pre010) {
            if (fits(c, entryStart, subLen, 8)) {
                p.pidnsInitStartTs = c.u64();
            }
            if (fits(c, entryStart, subLen, 4)) {
                p.tty = c.u32();
            }
        }
        if (fits(c, entryStart, subLen, 4)) {
            p.loginuid = c.u32();
        }
        if (fits(c, entryStart, subLen, 1)) {
            p.exeWritable = c.u8() != 0;
        }
        if (fits(c, entryStart, subLen, 8)) {
            p.capInheritable = c.u64();
        }
        if (fits(c, entryStart, subLen, 8)) {
            p.capPermitted = c.u64();
        }
        if (fits(c, entryStart, subLen, 8)) {
            p.capEffective = c.u64();
        }
        if (fits(c, entryStart, subLen, 1)) {
            p.exeUpperLayer = c.u8() != 0;
        }
        if (fits(c, entryStart, subLen, 8)) {
            p.exeIno = c.u64();
        }
        if (fits(c, entryStart, subLen, 8)) {
            p.exeInoCtime = c.u64();
        }
        if (fits(c, entryStart, subLen, 8)) {
            p.exeInoMtime = c.u64();
        }
        if (fits(c, entryStart, subLen, 1)) {
            p.exeFromMemfd = c.u8() != 0;
        }
        if (fits(c, entryStart, subLen, 1)) {
            p.exeLowerLayer = c.u8() != 0;
        }
        if (fits(c, entryStart, subLen, 8)) {
            p.pgid = c.u64();
        }
        c.seek(entryStart + (int) subLen);
    }

    private static boolean fits(BodyCursor c, int entryStart, long subLen, int size) {
        return subLen != 0 && (c.position() - entryStart) + size <= subLen;
    }

    static void fdList(BodyCursor c, boolean v2, MetadataListener out) throws CaptureFormatException {
        long tid = c.u64();
        while (c.remaining() >= 4) {
            int entryStart = c.position();
            long entryLen = v2 ? Integer.toUnsignedLong(c.u32()) : 0;
            long fd = c.u64();
            long ino = c.u64();
            int type = c.u8();
            int openFlags = 0;
            int dev = 0;
            String name = "";
            byte[] sip = null;
            byte[] dip = null;
            int sport = 0;
            int dport = 0;
            int l4 = 0;
            long usrc = 0;
            long udst = 0;
            switch (type) {
                case FdEntry.IPV4_SOCK -> {
                    sip = c.bytes(4);
                    dip = c.bytes(4);
                    sport = c.u16();
                    dport = c.u16();
                    l4 = c.u8();
                }
                case FdEntry.IPV4_SERVSOCK -> {
                    sip = c.bytes(4);
                    sport = c.u16();
                    l4 = c.u8();
                }
                case FdEntry.IPV6_SOCK -> {
                    sip = c.bytes(16);
                    dip = c.bytes(16);
                    sport = c.u16();
                    dport = c.u16();
                    l4 = c.u8();
                }
                case FdEntry.IPV6_SERVSOCK -> {
                    sip = c.bytes(16);
                    sport = c.u16();
                    l4 = c.u8();
                }
                case FdEntry.UNIX_SOCK -> {
                    usrc = c.u64();
                    udst = c.u64();
                    name = c.str(MAX_PATH, "fd name");
                }
                case FdEntry.FILE_V2 -> {
                    openFlags = c.u32();
                    name = c.str(MAX_PATH, "fd name");
                    if (v2 && entryLen - (c.position() - entryStart) >= 4) {
                        dev = c.u32();
                    }
                }
                case FdEntry.FIFO, FdEntry.FILE, FdEntry.DIRECTORY, FdEntry.UNSUPPORTED, FdEntry.EVENT,
                        FdEntry.SIGNALFD, FdEntry.EVENTPOLL, FdEntry.INOTIFY, FdEntry.TIMERFD, FdEntry.NETLINK,
                        FdEntry.BPF, FdEntry.USERFAULTFD, FdEntry.IOURING, FdEntry.MEMFD, FdEntry.PIDFD ->
                        name = c.str(MAX_PATH, "fd name");
                default -> {
                    if (!v2) {
                        throw new CaptureFormatException(-1, "unknown fd type " + type + " in fd list");
                    }
                    name = "unknown-type:[" + type + "]";
                    type = FdEntry.UNSUPPORTED;
                }
            }
            if (v2) {
                if (entryLen < c.position() - entryStart) {
                    throw new CaptureFormatException(-1, "fd entry length " + entryLen + " is shorter than its fields");
                }
                c.seek(entryStart + (int) entryLen);
            }
            out.onFd(new FdEntry(tid, fd, ino, type, openFlags, name, dev, sip, dip, sport, dport, l4, usrc, udst));
        }
    }

    static void interfaceList(BodyCursor c, boolean v2, MetadataListener out) throws CaptureFormatException {
        while (c.remaining() >= 4) {
            int entryEnd = -1;
            if (v2) {
                int len = c.u32();
                entryEnd = c.position() + len;
            }
            int type = c.u16();
            int nameLen = c.u16();
            boolean v6 = type == 2 || type == 4;
            boolean withSpeed = type == 1 || type == 2;
            if (type < 1 || type > 4) {
                throw new CaptureFormatException(-1, "unknown interface address type " + type);
            }
            int w = v6 ? 16 : 4;
            byte[] addr = c.bytes(w);
            byte[] mask = c.bytes(w);
            byte[] bcast = c.bytes(w);
            long speed = withSpeed ? c.u64() : 0;
            if (nameLen > MAX_CRED) {
                throw new CaptureFormatException(-1, "invalid interface name length " + nameLen);
            }
            String name = new String(c.bytes(nameLen), java.nio.charset.StandardCharsets.UTF_8).replace("\0", "");
            if (entryEnd >= 0) {
                c.seek(entryEnd);
            }
            out.onInterface(new InterfaceEntry(name, v6 ? 6 : 4, addr, mask, bcast, speed));
        }
    }

    static void userList(BodyCursor c, boolean v2, MetadataListener out) throws CaptureFormatException {
        while (c.remaining() >= 4) {
            int entryStart = c.position();
            long entryLen = v2 ? Integer.toUnsignedLong(c.u32()) : 0;
            int type = c.u8();
            if (type == 0) {
                int uid = c.u32();
                int gid = c.u32();
                String name = c.str(MAX_CRED, "user name");
                String home = c.str(MAX_CRED, "home directory");
                String shell = c.str(MAX_CRED, "shell");
                out.onUser(new UserEntry(uid, gid, name, home, shell));
            } else if (type == 1) {
                int gid = c.u32();
                String name = c.str(MAX_CRED, "group name");
                out.onGroup(new GroupEntry(gid, name));
            } else {
                throw new CaptureFormatException(-1, "unknown user list entry type " + type);
            }
            if (v2) {
                if (entryLen < c.position() - entryStart) {
                    throw new CaptureFormatException(-1, "user entry length " + entryLen + " is shorter than its fields");
                }
                c.seek(entryStart + (int) entryLen);
            }
        }
    }

    static BodyCursor cursor(ByteBuffer buf, int start, int len, long blockOffset, String what) {
        return new BodyCursor(buf, start, len, blockOffset, what);
    }
}
