package dev.saker.scap;

import static dev.saker.scap.SyntheticEvents.cstr;
import static dev.saker.scap.SyntheticEvents.event;
import static dev.saker.scap.SyntheticEvents.u64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScapWriterTest {
    @TempDir
    Path dir;

    private static final MachineInfo MACHINE = new MachineInfo(8, 16L << 30, 4194304, "forensics-host", 1700000000L, 3);

    private Path write(CaptureMetadata m, ScapWriter.Compression c, ScapWriter.Target t, RawEvent... events)
            throws IOException {
        Path out = dir.resolve("out-" + System.nanoTime() + ".scap");
        try (ScapWriter w = ScapWriter.open(out, m, c, t)) {
            for (RawEvent e : events) {
                w.writeEvent(e);
            }
        }
        return out;
    }

    private Path write(CaptureMetadata m, RawEvent... events) throws IOException {
        return write(m, ScapWriter.Compression.PLAIN, ScapWriter.Target.LIBS_CURRENT, events);
    }

    private record ReadBack(CaptureMetadata metadata, List<RawEvent> events) {
    }

    private static ReadBack readBack(Path file) throws IOException {
        MetadataCollector c = new MetadataCollector();
        List<RawEvent> events = new ArrayList<>();
        try (ScapReader r = ScapReader.open(file, c)) {
            for (RawEvent e = r.next(); e != null; e = r.next()) {
                events.add(e.copy());
            }
        }
        return new ReadBack(c.metadata(), events);
    }

    private static CaptureMetadata only(MachineInfo mi, List<InterfaceEntry> ifs, List<UserEntry> users,
                                        List<GroupEntry> groups, List<ProcessEntry> procs, List<FdEntry> fds) {
        return new CaptureMetadata(mi, ifs, users, groups, procs, fds);
    }

    private static ProcessEntry richProcess() {
        ProcessEntry p = new ProcessEntry();
        p.tid = 4242;
        p.pid = 4240;
        p.ptid = 1;
        p.sid = 4200;
        p.vpgid = 17;
        p.pgid = 4239;
        p.comm = "nginx";
        p.exe = "nginx: worker";
        p.exepath = "/usr/sbin/nginx";
        p.args = "-g\0daemon off;\0".getBytes();
        p.cwd = "/var/www";
        p.fdlimit = 1048576;
        p.flags = 0x4000;
        p.uid = 33;
        p.gid = 34;
        p.vmsizeKb = 1000;
        p.vmrssKb = 200;
        p.vmswapKb = 3;
        p.pfmajor = 5;
        p.pfminor = 6000;
        p.env = "PATH=/bin\0HOME=/\0".getBytes();
        p.vtid = 7;
        p.vpid = 6;
        p.cgroups = "cpuset=/docker/0123\0memory=/docker/0123\0".getBytes();
        p.root = "/";
        p.pidnsInitStartTs = 123456789L;
        p.tty = 34816;
        p.loginuid = 1000;
        p.exeWritable = true;
        p.capInheritable = 1;
        p.capPermitted = 0x1ffffffffffL;
        p.capEffective = 0x3fL;
        p.exeUpperLayer = true;
        p.exeIno = 991;
        p.exeInoCtime = 1700000001L;
        p.exeInoMtime = 1700000002L;
        p.exeFromMemfd = true;
        p.exeLowerLayer = true;
        return p;
    }

    private static FdEntry fd(long tid, long fd, int type, String name) {
        return new FdEntry(tid, fd, 100 + fd, type, 0, name, 0, null, null, 0, 0, 0, 0, 0);
    }

    @Test
    void sectionHeaderIsVersion12WithTotalLength28AndNoOptions() throws IOException {
        SavefileBlocks f = SavefileBlocks.read(write(CaptureMetadata.empty()));
        SavefileBlocks.Block shb = f.blocks().get(0);
        assertThat(shb.type()).isEqualTo(BlockType.SHB);
        assertThat(shb.totalLength()).isEqualTo(28);
        assertThat(f.bytes().getInt(8)).isEqualTo(0x1A2B3C4D);
        assertThat(f.bytes().getShort(12)).isEqualTo((short) 1);
        assertThat(f.bytes().getShort(14)).isEqualTo((short) 2);
        assertThat(f.bytes().getLong(16)).isEqualTo(-1L);
    }

    @Test
    void machineInfoBlockHas180ByteBodyAndSurvives() throws IOException {
        Path out = write(only(MACHINE, List.of(), List.of(), List.of(), List.of(), List.of()));
        assertThat(SavefileBlocks.read(out).ofType(BlockType.MI)).singleElement()
                .satisfies(b -> assertThat(b.totalLength()).isEqualTo(192));
        assertThat(readBack(out).metadata().machine()).isEqualTo(MACHINE);
    }

    @Test
    void everyProcessFieldSurvivesInTheCurrentLayout() throws IOException {
        ProcessEntry p = richProcess();
        Path out = write(only(MACHINE, List.of(), List.of(), List.of(), List.of(p), List.of()));
        assertThat(readBack(out).metadata().processes()).singleElement().usingRecursiveComparison().isEqualTo(p);
    }

    private static ProcessEntry withoutPost010Fields(ProcessEntry p) {
        p.pidnsInitStartTs = 0;
        p.tty = 0;
        p.exeUpperLayer = false;
        p.exeIno = 0;
        p.exeInoCtime = 0;
        p.exeInoMtime = 0;
        p.exeFromMemfd = false;
        p.exeLowerLayer = false;
        p.pgid = -1;
        return p;
    }

    private static int processTailLength(Path file) throws IOException {
        SavefileBlocks f = SavefileBlocks.read(file);
        SavefileBlocks.Block pl = f.ofType(BlockType.PL_V9).get(0);
        java.nio.ByteBuffer b = f.bytes();
        int entry = pl.bodyOffset();
        int at = entry + 4 + 5 * 8;
        for (int i = 0; i < 5; i++) { // comm, exe, exepath, args, cwd
            at += 2 + Short.toUnsignedInt(b.getShort(at));
        }
        at += 8 + 6 * 4 + 2 * 8; // fdlimit, flags..vmswap, pfmajor, pfminor
        at += 2 + Short.toUnsignedInt(b.getShort(at)); // env
        at += 2 * 8; // vtid, vpid
        at += 2 + Short.toUnsignedInt(b.getShort(at)); // cgroups
        at += 2 + Short.toUnsignedInt(b.getShort(at)); // root
        return entry + b.getInt(entry) - at;
    }

    @Test
    void libs2022LayoutWritesThe29ByteTailBothReadersDecodeForOlderProcesses() throws IOException {
        ProcessEntry p = withoutPost010Fields(richProcess());
        Path out = write(only(MACHINE, List.of(), List.of(), List.of(), List.of(p), List.of()),
                ScapWriter.Compression.PLAIN, ScapWriter.Target.LIBS_2022);
        assertThat(processTailLength(out)).isEqualTo(29);
        assertThat(readBack(out).metadata().processes()).singleElement().usingRecursiveComparison().isEqualTo(p);
    }

    @Test
    void libs2022LayoutKeepsNewerProcessFieldsWhereAProcessHasThem() throws IOException {
        ProcessEntry p = richProcess();
        Path out = write(only(MACHINE, List.of(), List.of(), List.of(), List.of(p), List.of()),
                ScapWriter.Compression.PLAIN, ScapWriter.Target.LIBS_2022);
        assertThat(processTailLength(out)).isEqualTo(76);
        assertThat(readBack(out).metadata().processes()).singleElement().usingRecursiveComparison().isEqualTo(p);
    }

    @Test
    void currentLayoutAlwaysWritesTheFullTail() throws IOException {
        ProcessEntry p = withoutPost010Fields(richProcess());
        Path out = write(only(MACHINE, List.of(), List.of(), List.of(), List.of(p), List.of()));
        assertThat(processTailLength(out)).isEqualTo(76);
        assertThat(readBack(out).metadata().processes()).singleElement().usingRecursiveComparison().isEqualTo(p);
    }

    @Test
    void processEntryLengthIncludesItsOwnFourBytes() throws IOException {
        ProcessEntry p = richProcess();
        SavefileBlocks f = SavefileBlocks.read(write(only(null, List.of(), List.of(), List.of(), List.of(p), List.of()),
                ScapWriter.Compression.PLAIN, ScapWriter.Target.LIBS_2022));
        SavefileBlocks.Block pl = f.ofType(BlockType.PL_V9).get(0);
        int entryLen = f.bytes().getInt(pl.bodyOffset());
        int body = pl.totalLength() - 12;
        assertThat(entryLen).isLessThanOrEqualTo(body).isGreaterThan(body - 4);
    }

    @Test
    void longProcessStringsAreCutToTheReadersLimits() throws IOException {
        ProcessEntry p = richProcess();
        p.cwd = "/" + "d".repeat(2000);
        p.args = new byte[5000];
        Path out = write(only(null, List.of(), List.of(), List.of(), List.of(p), List.of()));
        ProcessEntry got = readBack(out).metadata().processes().get(0);
        assertThat(got.cwd).hasSize(1024);
        assertThat(got.args).hasSize(4096);
    }

    @Test
    void fdEntriesOfEveryTypeSurvive() throws IOException {
        byte[] v4a = {10, 0, 0, 2};
        byte[] v4b = {10, 0, 0, 1};
        byte[] v6a = new byte[16];
        byte[] v6b = new byte[16];
        v6a[15] = 1;
        v6b[0] = 0x20;
        List<FdEntry> fds = new ArrayList<>(List.of(
                new FdEntry(7, 3, 11, FdEntry.IPV4_SOCK, 0, "", 0, v4a, v4b, 40000, 443, 2, 0, 0),
                new FdEntry(7, 4, 12, FdEntry.IPV4_SERVSOCK, 0, "", 0, v4a, null, 80, 0, 2, 0, 0),
                new FdEntry(7, 5, 13, FdEntry.IPV6_SOCK, 0, "", 0, v6a, v6b, 5353, 53, 3, 0, 0),
                new FdEntry(7, 6, 14, FdEntry.IPV6_SERVSOCK, 0, "", 0, v6b, null, 1234, 0, 2, 0, 0),
                new FdEntry(7, 7, 15, FdEntry.UNIX_SOCK, 0, "/run/docker.sock", 0, null, null, 0, 0, 0,
                        0xffff888012345678L, 0xffff888087654321L),
                new FdEntry(7, 8, 16, FdEntry.FILE_V2, 0x8241, "/etc/shadow", 0x803, null, null, 0, 0, 0, 0, 0)));
        for (int type : new int[] {FdEntry.FILE, FdEntry.DIRECTORY, FdEntry.FIFO, FdEntry.EVENT, FdEntry.UNSUPPORTED,
                FdEntry.SIGNALFD, FdEntry.EVENTPOLL, FdEntry.INOTIFY, FdEntry.TIMERFD, FdEntry.NETLINK, FdEntry.BPF,
                FdEntry.USERFAULTFD, FdEntry.IOURING, FdEntry.MEMFD, FdEntry.PIDFD}) {
            fds.add(fd(7, 20 + type, type, "name-" + type));
        }
        ProcessEntry p = richProcess();
        p.tid = 7;
        Path out = write(only(null, List.of(), List.of(), List.of(), List.of(p), fds));
        assertThat(readBack(out).metadata().fds()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(fds);
    }

    @Test
    void fdTypesNewerThanThe2022ReaderAreWrittenAsUnsupported() throws IOException {
        ProcessEntry p = richProcess();
        List<FdEntry> fds = List.of(fd(p.tid, 9, FdEntry.MEMFD, "memfd:payload"), fd(p.tid, 10, FdEntry.PIDFD, "anon_inode:[pidfd]"));
        Path out = write(only(null, List.of(), List.of(), List.of(), List.of(p), fds), ScapWriter.Compression.PLAIN,
                ScapWriter.Target.LIBS_2022);
        assertThat(readBack(out).metadata().fds()).extracting(FdEntry::type, FdEntry::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FdEntry.UNSUPPORTED, "memfd:payload"),
                        org.assertj.core.groups.Tuple.tuple(FdEntry.UNSUPPORTED, "anon_inode:[pidfd]"));
    }

    @Test
    void eachThreadsFdsGoInTheirOwnFdListBlock() throws IOException {
        ProcessEntry a = richProcess();
        ProcessEntry b = richProcess();
        b.tid = 5000;
        List<FdEntry> fds = List.of(fd(a.tid, 0, FdEntry.FILE, "/dev/null"), fd(b.tid, 0, FdEntry.FILE, "/dev/null"),
                fd(a.tid, 1, FdEntry.FILE, "/dev/null"));
        SavefileBlocks f = SavefileBlocks.read(write(only(null, List.of(), List.of(), List.of(), List.of(a, b), fds)));
        assertThat(f.ofType(BlockType.FDL_V2)).extracting(blk -> f.bytes().getLong(blk.bodyOffset()))
                .containsExactly(a.tid, b.tid);
    }

    @Test
    void interfacesOfBothFamiliesSurvive() throws IOException {
        byte[] v6 = new byte[16];
        v6[0] = 0x20;
        v6[1] = 0x01;
        byte[] mask6 = new byte[16];
        java.util.Arrays.fill(mask6, 0, 8, (byte) 0xff);
        List<InterfaceEntry> ifs = List.of(
                new InterfaceEntry("lo", 4, new byte[] {127, 0, 0, 1}, new byte[] {(byte) 255, 0, 0, 0}, new byte[4], 0),
                new InterfaceEntry("eth0", 4, new byte[] {10, 0, 0, 2}, new byte[] {(byte) 255, (byte) 255, 0, 0},
                        new byte[] {10, 0, (byte) 255, (byte) 255}, 1000),
                new InterfaceEntry("eth0", 6, v6, mask6, new byte[16], 1000));
        Path out = write(only(null, ifs, List.of(), List.of(), List.of(), List.of()));
        assertThat(readBack(out).metadata().interfaces()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(ifs);
    }

    @Test
    void interfaceEntryLengthExcludesItsOwnFourBytes() throws IOException {
        InterfaceEntry lo = new InterfaceEntry("lo", 4, new byte[] {127, 0, 0, 1}, new byte[4], new byte[4], 0);
        SavefileBlocks f = SavefileBlocks.read(write(only(null, List.of(lo), List.of(), List.of(), List.of(), List.of())));
        SavefileBlocks.Block il = f.ofType(BlockType.IL_V2).get(0);
        assertThat(f.bytes().getInt(il.bodyOffset())).isEqualTo(2 + 2 + 12 + 8 + 2);
    }

    @Test
    void interfacesAreWrittenIpv4FirstAsLibscapDoes() throws IOException {
        InterfaceEntry v6 = new InterfaceEntry("eth0", 6, new byte[16], new byte[16], new byte[16], 0);
        InterfaceEntry v4 = new InterfaceEntry("eth0", 4, new byte[4], new byte[4], new byte[4], 0);
        Path out = write(only(null, List.of(v6, v4), List.of(), List.of(), List.of(), List.of()));
        assertThat(readBack(out).metadata().interfaces()).extracting(InterfaceEntry::family).containsExactly(4, 6);
    }

    @Test
    void usersAndGroupsSurvive() throws IOException {
        List<UserEntry> users = List.of(new UserEntry(0, 0, "root", "/root", "/bin/bash"),
                new UserEntry(65534, 65534, "nobody", "/nonexistent", "/usr/sbin/nologin"));
        List<GroupEntry> groups = List.of(new GroupEntry(0, "root"), new GroupEntry(27, "sudo"));
        ReadBack r = readBack(write(only(null, List.of(), users, groups, List.of(), List.of())));
        assertThat(r.metadata().users()).containsExactlyElementsOf(users);
        assertThat(r.metadata().groups()).containsExactlyElementsOf(groups);
    }

    @Test
    void userEntryLengthIncludesItsOwnFourBytes() throws IOException {
        SavefileBlocks f = SavefileBlocks.read(write(only(null, List.of(),
                List.of(new UserEntry(0, 0, "root", "/root", "/bin/sh")), List.of(), List.of(), List.of())));
        SavefileBlocks.Block ul = f.ofType(BlockType.UL_V2).get(0);
        assertThat(f.bytes().getInt(ul.bodyOffset())).isEqualTo(4 + 1 + 4 + 4 + (2 + 4) + (2 + 5) + (2 + 7));
    }

    @Test
    void emptyMetadataListsWriteNoBlocks() throws IOException {
        SavefileBlocks f = SavefileBlocks.read(write(CaptureMetadata.empty()));
        assertThat(f.blocks()).extracting(SavefileBlocks.Block::type).containsExactly(BlockType.SHB);
    }

    @Test
    void eventsSurviveByteForByteWithTheirCpu() throws IOException {
        RawEvent a = event(EventTypes.PROCINFO_E, 1000, 42, 3, 0, u64(7), u64(9));
        RawEvent b = event(EventTypes.SYSCALL_OPEN_X, 2000, 43, 65535, 0, u64(3), cstr("/etc/passwd"), new byte[4],
                new byte[4], new byte[4], u64(77));
        ReadBack r = readBack(write(CaptureMetadata.empty(), a, b));
        assertThat(r.events()).extracting(RawEvent::eventBytes).containsExactly(a.eventBytes(), b.eventBytes());
        assertThat(r.events()).extracting(RawEvent::cpu).containsExactly(3, 65535);
    }

    @Test
    void eventWithoutDumpFlagsIsWrittenAsEvV2() throws IOException {
        RawEvent a = event(EventTypes.PROCINFO_E, 1000, 42, 0, 0, u64(7), u64(9));
        SavefileBlocks f = SavefileBlocks.read(write(CaptureMetadata.empty(), a));
        assertThat(f.blocks().get(1).type()).isEqualTo(BlockType.EV_V2);
    }

    @Test
    void eventWithDumpFlagsIsWrittenAsEvfV2AndKeepsThem() throws IOException {
        RawEvent a = event(EventTypes.PROCINFO_E, 1000, 42, 1, 1, u64(7), u64(9));
        Path out = write(CaptureMetadata.empty(), a);
        assertThat(SavefileBlocks.read(out).blocks().get(1).type()).isEqualTo(BlockType.EVF_V2);
        assertThat(readBack(out).events().get(0).dumpFlags()).isEqualTo(1);
    }

    @Test
    void largeFlagIsNotWrittenAsADumpFlag() throws IOException {
        RawEvent a = event(EventTypes.PROCINFO_E, 1000, 42, 1, 4, u64(7), u64(9));
        assertThat(SavefileBlocks.read(write(CaptureMetadata.empty(), a)).blocks().get(1).type())
                .isEqualTo(BlockType.EV_V2);
    }

    @Test
    void largePayloadEventTypeIsWrittenInALargeBlock() throws IOException {
        RawEvent json = event(EventTypes.CONTAINER_JSON_2_E, 1000, -1, 0, 0, cstr("{\"container\":{}}"));
        Path out = write(CaptureMetadata.empty(), json);
        assertThat(SavefileBlocks.read(out).blocks().get(1).type()).isEqualTo(BlockType.EV_V2_LARGE);
        assertThat(readBack(out).events().get(0).string(0)).isEqualTo("{\"container\":{}}");
    }

    @Test
    void largePayloadEventWithDumpFlagsIsWrittenAsEvfV2Large() throws IOException {
        RawEvent json = event(EventTypes.CONTAINER_JSON_2_E, 1000, -1, 0, 1, cstr("{}"));
        assertThat(SavefileBlocks.read(write(CaptureMetadata.empty(), json)).blocks().get(1).type())
                .isEqualTo(BlockType.EVF_V2_LARGE);
    }

    @Test
    void eventTooBigForTheReadersFixedBufferGoesInALargeBlock() throws IOException {
        // A u16-length event can reach 26 + 4*2 + 4*65535 bytes; read's data alone may approach 64 KiB.
        RawEvent read = event(EventTypes.SYSCALL_READ_X, 1, 1, 0, 0, u64(65000), new byte[65530], u64(3), new byte[4]);
        Path out = write(CaptureMetadata.empty(), read);
        assertThat(SavefileBlocks.read(out).blocks().get(1).type()).isEqualTo(BlockType.EV_V2_LARGE);
        assertThat(readBack(out).events().get(0).eventBytes()).isEqualTo(read.eventBytes());
    }

    @Test
    void everyBlockIsPaddedToFourBytesAndEndsWithItsLength() throws IOException {
        ProcessEntry p = richProcess();
        p.comm = "odd";
        Path out = write(only(MACHINE, List.of(), List.of(new UserEntry(1, 1, "a", "", "")), List.of(), List.of(p),
                        List.of(fd(p.tid, 0, FdEntry.FILE, "/x"))),
                event(EventTypes.SYSCALL_OPEN_X, 2, 3, 0, 0, u64(3), cstr("/e"), new byte[4], new byte[4], new byte[4], u64(1)));
        SavefileBlocks f = SavefileBlocks.read(out);
        assertThat(f.blocks()).hasSize(6).allSatisfy(b -> {
            assertThat(b.totalLength() % 4).isZero();
            assertThat(b.trailer()).isEqualTo(b.totalLength());
        });
        SavefileBlocks.Block last = f.blocks().get(5);
        assertThat(last.offset() + last.totalLength()).isEqualTo(f.bytes().capacity());
    }

    @Test
    void plainOutputStartsWithTheSectionHeader() throws IOException {
        Path out = write(CaptureMetadata.empty(), ScapWriter.Compression.PLAIN, ScapWriter.Target.LIBS_2022);
        byte[] head = Files.readAllBytes(out);
        assertThat(head).startsWith(0x0A, 0x0D, 0x0D, 0x0A);
    }

    @Test
    void gzipOutputIsCompressedAndReadBackByContent() throws IOException {
        RawEvent a = event(EventTypes.PROCINFO_E, 1000, 42, 3, 0, u64(7), u64(9));
        Path out = write(only(MACHINE, List.of(), List.of(), List.of(), List.of(), List.of()),
                ScapWriter.Compression.GZIP, ScapWriter.Target.LIBS_2022, a);
        assertThat(Files.readAllBytes(out)).startsWith(0x1f, 0x8b);
        ReadBack r = readBack(out);
        assertThat(r.metadata().machine()).isEqualTo(MACHINE);
        assertThat(r.events()).extracting(RawEvent::eventBytes).containsExactly(a.eventBytes());
    }

    @Test
    void writingAfterCloseFails() throws IOException {
        ScapWriter w = ScapWriter.open(dir.resolve("c.scap"), CaptureMetadata.empty(), ScapWriter.Compression.PLAIN);
        w.close();
        assertThatThrownBy(() -> w.writeEvent(event(EventTypes.PROCINFO_E, 1, 1, 0, 0, u64(1), u64(2))))
                .isInstanceOf(IllegalStateException.class);
    }
}
