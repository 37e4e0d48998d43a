package dev.saker.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.EventTypes;
import dev.saker.scap.FdEntry;
import dev.saker.scap.ProcessEntry;
import dev.saker.scap.RawEvent;
import dev.saker.scap.SyntheticEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SystemStateTest {
    private final SystemState state = new SystemState();

    private void process(long tid, String comm, String cwd) {
        ProcessEntry p = new ProcessEntry();
        p.tid = tid;
        p.pid = tid;
        p.ptid = 1;
        p.comm = comm;
        p.exe = comm;
        p.cwd = cwd;
        state.onProcess(p);
    }

    private void feed(RawEvent e) {
        state.observe(e);
        state.apply(e);
    }

    private static RawEvent openat(long tid, long fd, long dirfd, String name) {
        return SyntheticEvent.of(EventTypes.SYSCALL_OPENAT_2_X, tid).u64(fd).u64(dirfd).str(name).u32(0).u32(0)
                .u32(0).u64(0).build();
    }

    private static RawEvent clone(long tid, long res, long childPid, int flags) {
        return SyntheticEvent.of(EventTypes.SYSCALL_CLONE_20_X, tid).u64(res).str("bash").raw(new byte[0])
                .u64(res == 0 ? tid : res).u64(childPid).u64(tid).str("/").u64(1024).u64(0).u64(0).u32(0).u32(0)
                .u32(0).str("bash").raw(new byte[0]).u32(flags).u32(0).u32(0).u64(tid).u64(childPid).u64(0).build();
    }

    @Test
    void theSchemaSizedTableAgreesWithTheSwitchForEverySixteenBitType() {
        java.util.List<Integer> differing = new java.util.ArrayList<>();
        int noThread = 0;
        for (int t = 0; t < 1 << 16; t++) {
            if (SystemState.createsNoThread(t) != SystemState.createsNoThreadCase(t)) {
                differing.add(t);
            }
            noThread += SystemState.createsNoThread(t) ? 1 : 0;
        }
        assertThat(differing).isEmpty();
        assertThat(noThread).isEqualTo(16);
        // the reset masks the type to 16 bits, as before
        assertThat(SystemState.createsNoThread(EventTypes.CONTAINER_E + (1 << 16))).isTrue();
    }

    @Test
    void openatWithAtFdcwdResolvesRelativePathAgainstCwd() {
        process(100, "cat", "/home/user");
        feed(openat(100, 3, -100, "../etc/./passwd"));
        assertThat(state.fd(state.thread(100), 3).name).isEqualTo("/home/etc/passwd");
    }

    @Test
    void openatResolvesRelativePathAgainstDirfd() {
        process(100, "cat", "/");
        feed(openat(100, 5, -100, "/var/log"));
        feed(openat(100, 6, 5, "syslog"));
        assertThat(state.fd(state.thread(100), 6).name).isEqualTo("/var/log/syslog");
    }

    @Test
    void closeRemovesTheFd() {
        process(100, "cat", "/");
        feed(openat(100, 3, -100, "/etc/hosts"));
        feed(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_X, 100).u64(0).u64(3).build());
        assertThat(state.fd(state.thread(100), 3)).isNull();
    }

    @Test
    void forkedChildGetsACopyOfTheParentFds() {
        process(100, "bash", "/root");
        feed(openat(100, 3, -100, "/etc/hosts"));
        feed(clone(100, 200, 200, 0));
        ThreadInfo child = state.thread(200);
        assertThat(child.ptid).isEqualTo(100);
        assertThat(state.fd(child, 3).name).isEqualTo("/etc/hosts");
        assertThat(state.threads().cwd(child)).isEqualTo("/root/");
    }

    @Test
    void threadsCreatedWithCloneFilesShareTheProcessFdTable() {
        process(100, "java", "/");
        feed(clone(100, 101, 100, ThreadInfo.CL_CLONE_THREAD | ThreadInfo.CL_CLONE_FILES));
        feed(openat(101, 7, -100, "/tmp/x"));
        assertThat(state.fd(state.thread(100), 7).name).isEqualTo("/tmp/x");
    }

    @Test
    void anEventFromAnUnknownTidCreatesAnUnknownThread() {
        state.observe(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_X, 4242).u64(0).u64(3).build());
        ThreadInfo t = state.thread(4242);
        assertThat(t.comm).isEqualTo("<NA>");
        assertThat(t.isUnknown()).isTrue();
        assertThat(t.ptid).isEqualTo(-1);
    }

    @Test
    void procexitRemovesTheThreadBeforeTheNextEvent() {
        process(100, "sh", "/");
        feed(SyntheticEvent.of(EventTypes.PROCEXIT_1_E, 100).u64(0).u64(0).u8(0).u8(0).u64(0).build());
        assertThat(state.thread(100)).isNotNull();
        state.observe(SyntheticEvent.of(EventTypes.SYSCALL_CLOSE_X, 1).u64(0).u64(3).build());
        assertThat(state.thread(100)).isNull();
    }

    @Test
    void connectNamesTheSocketWithItsTuple() {
        process(100, "curl", "/");
        feed(SyntheticEvent.of(EventTypes.SOCKET_SOCKET_X, 100).u64(4).u32(2).u32(1).u32(0).u32(0).build());
        byte[] tuple = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN).put((byte) 2)
                .put(new byte[] {10, 0, 0, 2}).putShort((short) 40000).put(new byte[] {10, 0, 0, 1})
                .putShort((short) 443).array();
        feed(SyntheticEvent.of(EventTypes.SOCKET_CONNECT_X, 100).u64(0).raw(tuple).u64(4).empty().build());
        FdInfo fd = state.fd(state.thread(100), 4);
        assertThat(fd.name).isEqualTo("10.0.0.2:40000->10.0.0.1:443");
        assertThat(fd.typeChar()).isEqualTo('4');
        assertThat(fd.l4Char()).isEqualTo('t');
    }

    @Test
    void execveReplacesTheImageAndKeepsThePid() {
        process(100, "bash", "/");
        byte[] args = "-la\0/tmp\0".getBytes(StandardCharsets.UTF_8);
        SyntheticEvent e = SyntheticEvent.of(EventTypes.SYSCALL_EXECVE_19_X, 100).u64(0).str("ls").raw(args)
                .u64(100).u64(100).u64(1).str("/").u64(1024).u64(0).u64(0).u32(0).u32(0).u32(0).str("ls");
        feed(e.build());
        ThreadInfo t = state.thread(100);
        assertThat(t.comm).isEqualTo("ls");
        assertThat(t.cmdline()).isEqualTo("ls -la /tmp");
    }

    @Test
    void criContainerdCgroupGivesTheShortContainerId() {
        String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assertThat(ContainerIds.fromCgroups(java.util.List.of("cpu=/kubepods.slice/kubepods-besteffort.slice/"
                + "kubepods-besteffort-pod1.slice/cri-containerd-" + id + ".scope"))).isEqualTo("0123456789ab");
        assertThat(ContainerIds.fromCgroups(java.util.List.of("cpu=/user.slice"))).isEmpty();
    }

    @Test
    void theShortestPathWithAnIdIsTheBareIdAfterASlash() {
        String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assertThat(ContainerIds.fromPath("/" + id)).isEqualTo("0123456789ab");
        assertThat(ContainerIds.fromPath(id)).isNull();
        assertThat(ContainerIds.fromPath("/" + id.substring(1))).isNull();
        assertThat(ContainerIds.fromPath("")).isNull();
    }

    @Test
    void fdListEntriesJoinTheirThread() {
        process(100, "nginx", "/");
        state.onFd(new FdEntry(100, 6, 0, FdEntry.IPV4_SERVSOCK, 0, "", 0, new byte[] {0, 0, 0, 0}, null, 80, 0, 2,
                0, 0));
        assertThat(state.fd(state.thread(100), 6).name).isEqualTo("0.0.0.0:80");
    }
}
