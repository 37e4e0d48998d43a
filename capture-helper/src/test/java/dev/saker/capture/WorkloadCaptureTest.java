package dev.saker.capture;

import static dev.saker.capture.RecordedEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.LibsEdition;
import dev.saker.format.FieldOutput;
import dev.saker.scap.EventSchema;
import dev.saker.scap.RawEvent;
import dev.saker.scap.SysdigOracle;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records the whole machine with saker-capture while a shell runs known commands, then checks that
 * every action is in the file with the right process, parent, arguments, paths and results, as
 * Saker's reader and state layer see it and as sysdig 0.29.3 prints it. One recording serves all
 * tests; each test checks one behaviour.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WorkloadCaptureTest {
    private static final String KNOWN_CONTENT = "saker known content 7c1e";
    private static final String WRITTEN_CONTENT = "saker written 5d2a";

    @TempDir
    static Path dir;
    static Path capture;
    static Path known;
    static int port;
    static long shellPid;
    static int captureExit;
    static String captureStderr;
    static String received;
    static RecordedEvents events;

    @BeforeAll
    static void record() throws Exception {
        CaptureRun.assumeCapturePossible();
        capture = dir.resolve("workload.scap");
        known = dir.resolve("known.txt");
        Files.writeString(known, KNOWN_CONTENT + "\n");
        Path script = dir.resolve("workload.sh");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = listener.getLocalPort();
            CompletableFuture<String> accepted = CompletableFuture.supplyAsync(() -> acceptOne(listener));
            Files.writeString(script, String.join("\n",
                    "set -e",
                    "for i in $(seq 100); do /bin/true; done",
                    "cat " + known + " > /dev/null",
                    "printf '" + WRITTEN_CONTENT + "' > " + dir.resolve("written.txt"),
                    "chmod 600 " + dir.resolve("written.txt"),
                    "mkdir " + dir.resolve("sub"),
                    "rmdir " + dir.resolve("sub"),
                    "mv " + dir.resolve("written.txt") + " " + dir.resolve("renamed.txt"),
                    "rm " + dir.resolve("renamed.txt"),
                    "sh -c 'echo abc | tr a-z A-Z | wc -c' > /dev/null",
                    "setpriv --reuid=65534 --regid=65534 --clear-groups /bin/true",
                    "strace -f -o /dev/null /bin/true",
                    "exec 3<>/dev/tcp/127.0.0.1/" + port,
                    "echo ping >&3",
                    "exec 3>&-",
                    ""));
            try (CaptureRun run = CaptureRun.start(List.of("-w", capture.toString(), "--snaplen", "256",
                    "--duration", "120"), ProcessBuilder.Redirect.DISCARD)) {
                Process shell = new ProcessBuilder("bash", script.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("workload.out").toFile())
                        .start();
                shellPid = shell.pid();
                boolean done = shell.waitFor(120, TimeUnit.SECONDS);
                if (!done) {
                    shell.destroyForcibly();
                }
                received = accepted.get(30, TimeUnit.SECONDS);
                Thread.sleep(300); // let the last exits reach the ring buffer
                captureExit = run.stop();
                captureStderr = run.stderr();
                assertThat(done).as("workload finished").isTrue();
                assertThat(shell.exitValue()).as("workload exit; output: %s",
                        Files.readString(dir.resolve("workload.out"))).isZero();
            }
        }
        events = RecordedEvents.read(capture);
        System.out.println("workload capture: " + events.size() + " events; " + captureStderr);
    }

    private static String acceptOne(ServerSocket listener) {
        try {
            listener.setSoTimeout(120_000);
            try (Socket s = listener.accept(); InputStream in = s.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    @Test
    void sigtermStopsTheCaptureCleanlyAndReportsDrops() {
        assertThat(captureExit).isZero();
        assertThat(captureStderr).containsPattern("saker-capture: \\d+ events written, \\d+ dropped \\(cpu0=\\d+");
        assertThat(received).isEqualTo("ping\n");
    }

    @Test
    void captureFileIsPrivate() throws IOException {
        assertThat(Files.getPosixFilePermissions(capture))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void hundredRunsOfTrueAreExecsOfTheWorkloadShellThatExit() {
        List<RawEvent> execs = events.of(EXECVE_X, e -> e.signed(0) == 0 && "/bin/true".equals(e.string(EXE))
                && e.signed(PTID) == shellPid && e.number(EXECVE_UID) == 0);
        assertThat(execs).hasSize(100); // the 101st, run by setpriv, runs as uid 65534
        assertThat(execs).allSatisfy(e -> {
            assertThat(e.string(COMM)).isEqualTo("true");
            assertThat(e.signed(PID)).isEqualTo(e.tid());
            assertThat(e.number(EXECVE_UID)).isZero();
        });
        Set<Long> tids = execs.stream().map(RawEvent::tid).collect(java.util.stream.Collectors.toSet());
        assertThat(events.of(PROCEXIT, e -> tids.contains(e.tid()) && e.signed(0) == 0)).hasSize(100);
    }

    @Test
    void catOpensReadsAndClosesTheKnownFile() {
        List<RawEvent> cats = events.execs("cat");
        RawEvent cat = cats.stream().filter(e -> RecordedEvents.args(e).equals(List.of(known.toString())))
                .findFirst().orElseThrow(() -> new AssertionError("no execve of cat " + known));
        assertThat(cat.signed(PTID)).isEqualTo(shellPid);
        long tid = cat.tid();
        RawEvent open = events.of(OPENAT_X, e -> e.tid() == tid && known.toString().equals(e.string(2)))
                .stream().findFirst().orElseThrow(() -> new AssertionError("no openat of " + known));
        long fd = open.signed(0);
        assertThat(fd).isGreaterThanOrEqualTo(0);
        assertThat(open.number(3) & 0x3).as("PPM_O_RDONLY").isEqualTo(1);
        assertThat(open.number(6)).as("inode").isEqualTo(inode(known));
        assertThat(events.of(OPENAT_E, e -> e.tid() == tid && known.toString().equals(e.string(1)))).hasSize(1);
        // the fd number was used for the libraries before: only what follows the open counts
        RawEvent read = events.of(READ_X, e -> e.tid() == tid && e.signed(2) == fd && e.signed(0) > 0
                && e.ts() > open.ts()).get(0);
        assertThat(read.signed(0)).isEqualTo(KNOWN_CONTENT.length() + 1);
        assertThat(new String(read.bytes(1), StandardCharsets.UTF_8)).isEqualTo(KNOWN_CONTENT + "\n");
        assertThat(events.of(CLOSE_X, e -> e.tid() == tid && e.signed(1) == fd && e.signed(0) == 0
                && e.ts() > read.ts())).isNotEmpty();
    }

    @Test
    void fileIsCreatedWrittenRenamedAndUnlinked() {
        String written = dir.resolve("written.txt").toString();
        String renamed = dir.resolve("renamed.txt").toString();
        RawEvent create = events.of(OPENAT_X, e -> written.equals(e.string(2)) && e.signed(0) >= 0).get(0);
        assertThat(create.tid()).isEqualTo(shellPid); // printf is a builtin: the shell itself opens and writes
        assertThat(create.number(3) & 0x4).as("O_CREAT").isEqualTo(0x4);
        assertThat(create.number(3) & 0x4000).as("O_F_CREATED").isEqualTo(0x4000);
        // the shell moves the redirect onto fd 1 before the builtin writes
        assertThat(events.of(WRITE_X, e -> e.tid() == create.tid() && e.signed(2) == 1 && e.ts() > create.ts()
                && new String(e.bytes(1), StandardCharsets.UTF_8).equals(WRITTEN_CONTENT)
                && e.signed(0) == WRITTEN_CONTENT.length())).hasSize(1);
        RawEvent mv = events.of(RENAMEAT2_X, e -> written.equals(e.string(2))).get(0);
        assertThat(mv.signed(0)).isZero();
        assertThat(mv.string(4)).isEqualTo(renamed);
        assertThat(events.execs("mv")).anySatisfy(e -> assertThat(e.tid()).isEqualTo(mv.tid()));
        RawEvent rm = events.of(UNLINKAT_X, e -> renamed.equals(e.string(2))).get(0);
        assertThat(rm.signed(0)).isZero();
        assertThat(events.execs("rm")).anySatisfy(e -> {
            assertThat(e.tid()).isEqualTo(rm.tid());
            assertThat(e.signed(PTID)).isEqualTo(shellPid);
        });
    }

    @Test
    void chmodMkdirAndRmdirAreRecordedWithTheirPathsAndModes() {
        String written = dir.resolve("written.txt").toString();
        String sub = dir.resolve("sub").toString();
        assertThat(events.all).anySatisfy(e -> {
            assertThat(e.type()).isIn(315, 313); // chmod, fchmodat
            int path = e.type() == 315 ? 1 : 2;
            assertThat(e.string(path)).isEqualTo(written);
            assertThat(e.number(path + 1)).isEqualTo(0600);
            assertThat(e.signed(0)).isZero();
        });
        assertThat(events.all).anySatisfy(e -> {
            assertThat(e.type()).isIn(277, 305); // mkdir, mkdirat
            assertThat(e.string(e.type() == 277 ? 1 : 2)).isEqualTo(sub);
            assertThat(e.signed(0)).isZero();
        });
        assertThat(events.of(279, e -> sub.equals(e.string(1)) && e.signed(0) == 0)).hasSize(1); // rmdir
    }

    @Test
    void shPipelineRunsItsCommandsAsChildrenOfSh() {
        RawEvent sh = events.execs("sh").stream()
                .filter(e -> RecordedEvents.args(e).equals(List.of("-c", "echo abc | tr a-z A-Z | wc -c")))
                .findFirst().orElseThrow(() -> new AssertionError("no execve of sh -c"));
        assertThat(sh.signed(PTID)).isEqualTo(shellPid);
        long shPid = sh.tid();
        assertThat(events.execs("tr")).anySatisfy(e -> {
            assertThat(e.signed(PTID)).isEqualTo(shPid);
            assertThat(RecordedEvents.args(e)).containsExactly("a-z", "A-Z");
        });
        assertThat(events.execs("wc")).anySatisfy(e -> assertThat(e.signed(PTID)).isEqualTo(shPid));
        assertThat(events.all).anySatisfy(e -> {
            assertThat(e.type()).isIn(PIPE_X, PIPE2_X);
            assertThat(e.tid()).isEqualTo(shPid);
            assertThat(e.signed(0)).isZero();
            assertThat(e.signed(1)).isNotEqualTo(e.signed(2));
        });
    }

    @Test
    void setuidChangeIsRecordedAndTheNextExecRunsAsTheNewUser() {
        RawEvent set = events.of(SETRESUID_X, e -> e.number(2) == 65534).get(0);
        assertThat(set.signed(0)).isZero();
        assertThat(events.execs("/bin/true")).anySatisfy(e -> {
            assertThat(e.tid()).isEqualTo(set.tid());
            assertThat(e.number(EXECVE_UID)).isEqualTo(65534);
        });
    }

    @Test
    void straceSeizingItsChildIsAPtraceWithRequestAndTarget() {
        RawEvent strace = events.execs("/usr/bin/strace").stream().findFirst()
                .or(() -> events.execs("strace").stream().findFirst())
                .orElseThrow(() -> new AssertionError("no execve of strace"));
        RawEvent child = events.execs("/bin/true").stream().filter(e -> e.signed(PTID) == strace.tid())
                .findFirst().orElseThrow(() -> new AssertionError("no /bin/true run by strace"));
        assertThat(events.of(PTRACE_X, e -> e.tid() == strace.tid() && e.signed(4) == child.tid()
                && e.number(3) == 0x14 /* PPM_PTRACE_SEIZE */ && e.signed(0) == 0)).hasSize(1);
    }

    @Test
    void tcpConnectCarriesTheTupleToTheListener() {
        // bash may first connect to a unix socket (nscd, sssd) while resolving the address: take the AF_INET ones
        RawEvent enter = events.of(CONNECT_E, e -> e.tid() == shellPid && e.paramLength(1) > 0 && e.u8(1, 0) == 2)
                .get(0);
        assertThat(enter.u16(1, 5)).isEqualTo(port);
        RawEvent exit = events.of(CONNECT_X, e -> e.tid() == shellPid && e.paramLength(1) > 0 && e.u8(1, 0) == 2)
                .get(0);
        assertThat(exit.signed(0)).isZero();
        assertThat(exit.paramLength(1)).isEqualTo(13);
        assertThat(exit.u8(1, 0)).isEqualTo(2);
        assertThat(exit.u32(1, 7)).as("dip 127.0.0.1").isEqualTo(0x0100007f);
        assertThat(exit.u16(1, 11)).as("dport").isEqualTo(port);
        assertThat(exit.signed(2)).isEqualTo(enter.signed(0)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void stateLayerNamesProcessesParentsAndFds() throws IOException {
        StringBuilder out = new StringBuilder();
        FieldOutput.text("*%evt.type %proc.name %proc.pname %evt.res %fd.name %proc.cmdline")
                .write(capture, LibsEdition.CURRENT, out, -1);
        // only the workload's lines: a failure then shows those, not the whole machine's
        String text = out.toString().lines().filter(l -> l.contains(dir.toString()) || l.startsWith("execve ")
                || l.startsWith("connect ")).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(text).contains("openat cat bash SUCCESS " + known + " cat " + known);
        assertThat(text).contains("execve tr sh SUCCESS");
        assertThat(text).contains("renameat2 mv bash SUCCESS");
        assertThat(text).containsPattern("connect bash \\S+ SUCCESS 127\\.0\\.0\\.1:\\d+->127\\.0\\.0\\.1:" + port);
    }

    @Test
    void sysdigReadsTheCaptureAndSeesTheWorkload() {
        String printed = SysdigOracle.print(capture);
        assertThat(printed.lines().filter(l -> l.contains("< execve res=0 exe=/bin/true")).count())
                .isGreaterThanOrEqualTo(101);
        assertThat(printed).contains("< renameat2 res=0 olddirfd=-100(AT_FDCWD) oldpath=" + dir.resolve("written.txt"));
        assertThat(printed).containsPattern("bash \\(" + shellPid + "\\) < connect res=0 tuple=127\\.0\\.0\\.1:\\d+->127\\.0\\.0\\.1:" + port);
        assertThat(printed).contains("cat (");
    }

    @Test
    void execveCarriesTheCgroupsOfTheProcess() throws IOException {
        RawEvent cat = events.execs("cat").stream()
                .filter(e -> RecordedEvents.args(e).equals(List.of(known.toString()))).findFirst().orElseThrow();
        List<String> cgroups = List.of(new String(cat.bytes(14), StandardCharsets.UTF_8).split("\0"));
        assertThat(cgroups).anySatisfy(c -> assertThat(c).startsWith("cpu="));
        // the workload runs in this JVM's cgroups; with cgroup v1 each controller has its own path
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && List.of(f[1].split(",")).contains("memory")) {
                assertThat(cgroups).contains("memory=" + f[2]);
            }
        }
    }

    @Test
    void otherSyscallsAreGenericEventsNamedByTheirPpmScCode() {
        // rt_sigprocmask (x86_64 number 14) has no event of its own; bash calls it all the time
        List<RawEvent> generic = events.of(GENERIC_X, e -> e.tid() == shellPid && e.number(1) == 14);
        assertThat(generic).isNotEmpty();
        assertThat(generic).allSatisfy(e ->
                assertThat(EventSchema.current().syscallName((int) e.number(0))).isEqualTo("rt_sigprocmask"));
        // codes sysdig 0.29.3 does not know are written as 0 ("unknown"), never past its table
        assertThat(events.of(GENERIC_X, e -> e.number(0) >= 329)).isEmpty();
    }

    private static long inode(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:ino")).longValue();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
