package dev.saker.scap;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes the metadata blocks libscap's writer emits (MI, IL_V2, UL_V2, PL_V9, FDL_V2), in the
 * layouts both the 2022 and the current reader accept. String limits are the stricter of the two
 * readers' checks: either rejects the whole file on a longer value.
 */
final class MetadataBlocks {
    /** SCAP_MAX_PATH_SIZE: comm, exe, exepath, cwd and root may be this long. */
    private static final int MAX_PATH = 1024;
    /** SCAP_MAX_ARGS_SIZE, SCAP_MAX_ENV_SIZE, SCAP_MAX_CGROUPS_SIZE. */
    private static final int MAX_ARGS = 4096;
    /** FD names must be shorter than SCAP_MAX_PATH_SIZE (scap_fd_read_fname_from_disk). */
    private static final int MAX_FD_NAME = MAX_PATH - 1;
    /** User and group strings must be shorter than MAX_CREDENTIALS_STR_LEN (256). */
    private static final int MAX_CRED = 255;
    private static final int HOSTNAME_LEN = 128;
    private static final int IL_IPV4 = 1;
    private static final int IL_IPV6 = 2;
    private static final int UL_USER = 0;
    private static final int UL_GROUP = 1;

    private MetadataBlocks() {
    }

    /** The 180-byte scap_machine_info; no padding is needed (libscap writes none). */
    static void machineInfo(BlockEncoder e, MachineInfo mi) {
        e.begin(BlockType.MI);
        e.u32(mi.numCpus());
        e.u64(mi.memoryBytes());
        e.u64(mi.maxPid());
        byte[] host = mi.hostname() == null ? new byte[0] : mi.hostname().getBytes(StandardCharsets.UTF_8);
        // Keep one NUL: readers take the hostname up to the first NUL of the 128-byte field.
        e.bytes(host.length < HOSTNAME_LEN ? host : java.util.Arrays.copyOf(host, HOSTNAME_LEN - 1), HOSTNAME_LEN);
        e.u64(mi.bootTsEpoch());
        e.u64(mi.flags());
        e.u64(0);
        e.u64(0);
        e.finish();
    }

    /** IL_V2: IPv4 entries first, then IPv6, as libscap writes them. Entry lengths exclude themselves. */
    static void interfaceList(BlockEncoder e, List<InterfaceEntry> list) {
        e.begin(BlockType.IL_V2);
        for (int family : new int[] {4, 6}) {
            for (InterfaceEntry i : list) {
                if (i.family() != family) {
                    continue;
                }
                int width = family == 4 ? 4 : 16;
                byte[] name = i.name() == null ? new byte[0] : i.name().getBytes(StandardCharsets.UTF_8);
                int nameLen = Math.min(name.length, MAX_CRED);
                e.u32(2 + 2 + 3 * width + 8 + nameLen);
                e.u16(family == 4 ? IL_IPV4 : IL_IPV6);
                e.u16(nameLen);
                e.bytes(orEmpty(i.addr()), width);
                e.bytes(orEmpty(i.netmask()), width);
                e.bytes(orEmpty(i.bcast()), width);
                e.u64(i.linkspeed());
                e.bytes(name, nameLen);
            }
        }
        e.finish();
    }

    /** UL_V2: users first, then groups; entry lengths include their own four bytes. */
    static void userList(BlockEncoder e, List<UserEntry> users, List<GroupEntry> groups) {
        e.begin(BlockType.UL_V2);
        for (UserEntry u : users) {
            int start = e.size();
            e.u32(0);
            e.u8(UL_USER);
            e.u32(u.uid());
            e.u32(u.gid());
            e.str(u.name(), MAX_CRED);
            e.str(u.home(), MAX_CRED);
            e.str(u.shell(), MAX_CRED);
            e.putU32(start, e.size() - start);
        }
        for (GroupEntry g : groups) {
            int start = e.size();
            e.u32(0);
            e.u8(UL_GROUP);
            e.u32(g.gid());
            e.str(g.name(), MAX_CRED);
            e.putU32(start, e.size() - start);
        }
        e.finish();
    }

    /** PL_V9: one entry per thread, its length including itself, then the length-gated tail. */
    static void processList(BlockEncoder e, List<ProcessEntry> list, ScapWriter.Target target) {
        e.begin(BlockType.PL_V9);
        for (ProcessEntry p : list) {
            int start = e.size();
            e.u32(0);
            e.u64(p.tid);
            e.u64(p.pid);
            e.u64(p.ptid);
            e.u64(p.sid);
            e.u64(p.vpgid);
            e.str(p.comm, MAX_PATH);
            e.str(p.exe, MAX_PATH);
            e.str(p.exepath, MAX_PATH);
            e.str(p.args, MAX_ARGS);
            e.str(p.cwd, MAX_PATH);
            e.u64(p.fdlimit);
            e.u32(p.flags);
            e.u32(p.uid);
            e.u32(p.gid);
            e.u32(p.vmsizeKb);
            e.u32(p.vmrssKb);
            e.u32(p.vmswapKb);
            e.u64(p.pfmajor);
            e.u64(p.pfminor);
            e.str(p.env, MAX_ARGS);
            e.u64(p.vtid);
            e.u64(p.vpid);
            e.str(p.cgroups, MAX_ARGS);
            e.str(p.root, MAX_PATH);
            processTail(e, p, target);
            e.putU32(start, e.size() - start);
        }
        e.finish();
    }

    /**
     * The fields after root. The 2022 reader reads loginuid and exe_writable right after root; libs
     * 0.10 inserted pidns_init_start_ts and tty before them, and the current reader tells the two
     * orders apart by the tail size (29 bytes or less = old order). The old 29-byte order is the only
     * one both readers decode correctly, but it cannot carry the newer fields (tty, exe inode, ...),
     * which Falco rules use. So for {@link ScapWriter.Target#LIBS_2022} each entry takes the old order
     * when it has nothing in the newer fields (every process of a pre-0.10 capture) and the full order
     * otherwise, where only the 2022 reader's loginuid and exe_writable of that process suffer.
     */
    private static void processTail(BlockEncoder e, ProcessEntry p, ScapWriter.Target target) {
        boolean full = target == ScapWriter.Target.LIBS_CURRENT || hasPost010Fields(p);
        if (full) {
            e.u64(p.pidnsInitStartTs);
            e.u32(p.tty);
        }
        e.u32(p.loginuid);
        e.u8(p.exeWritable ? 1 : 0);
        e.u64(p.capInheritable);
        e.u64(p.capPermitted);
        e.u64(p.capEffective);
        if (full) {
            e.u8(p.exeUpperLayer ? 1 : 0);
            e.u64(p.exeIno);
            e.u64(p.exeInoCtime);
            e.u64(p.exeInoMtime);
            e.u8(p.exeFromMemfd ? 1 : 0);
            e.u8(p.exeLowerLayer ? 1 : 0);
            e.u64(p.pgid);
        }
    }

    static boolean hasPost010Fields(ProcessEntry p) {
        return p.pidnsInitStartTs != 0 || p.tty != 0 || p.exeUpperLayer || p.exeIno != 0 || p.exeInoCtime != 0
                || p.exeInoMtime != 0 || p.exeFromMemfd || p.exeLowerLayer || p.pgid != -1;
    }

    /** FDL_V2 for one thread: {@code u64 tid} then entries whose lengths include themselves. */
    static void fdList(BlockEncoder e, long tid, List<FdEntry> fds, ScapWriter.Target target) {
        e.begin(BlockType.FDL_V2);
        e.u64(tid);
        for (FdEntry fd : fds) {
            int start = e.size();
            int type = writtenFdType(fd.type(), target);
            e.u32(0);
            e.u64(fd.fd());
            e.u64(fd.ino());
            e.u8(type);
            switch (type) {
                case FdEntry.IPV4_SOCK -> {
                    e.bytes(orEmpty(fd.sip()), 4);
                    e.bytes(orEmpty(fd.dip()), 4);
                    e.u16(fd.sport());
                    e.u16(fd.dport());
                    e.u8(fd.l4proto());
                }
                case FdEntry.IPV4_SERVSOCK -> {
                    e.bytes(orEmpty(fd.sip()), 4);
                    e.u16(fd.sport());
                    e.u8(fd.l4proto());
                }
                case FdEntry.IPV6_SOCK -> {
                    e.bytes(orEmpty(fd.sip()), 16);
                    e.bytes(orEmpty(fd.dip()), 16);
                    e.u16(fd.sport());
                    e.u16(fd.dport());
                    e.u8(fd.l4proto());
                }
                case FdEntry.IPV6_SERVSOCK -> {
                    e.bytes(orEmpty(fd.sip()), 16);
                    e.u16(fd.sport());
                    e.u8(fd.l4proto());
                }
                case FdEntry.UNIX_SOCK -> {
                    e.u64(fd.unixSource());
                    e.u64(fd.unixDest());
                    e.str(fd.name(), MAX_FD_NAME);
                }
                case FdEntry.FILE_V2 -> {
                    e.u32(fd.openFlags());
                    e.str(fd.name(), MAX_FD_NAME);
                    e.u32(fd.dev());
                }
                default -> e.str(fd.name(), MAX_FD_NAME);
            }
            e.putU32(start, e.size() - start);
        }
        e.finish();
    }

    /**
     * The 2022 reader fails the whole file ("wrong fd type") on the types added after it (BPF,
     * USERFAULTFD, IOURING, MEMFD, PIDFD); UNSUPPORTED keeps the name and is not mistaken for a file.
     */
    static int writtenFdType(int type, ScapWriter.Target target) {
        boolean known2022 = type >= FdEntry.FILE && type <= FdEntry.FILE_V2;
        return target == ScapWriter.Target.LIBS_2022 && !known2022 ? FdEntry.UNSUPPORTED : type;
    }

    private static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }
}
