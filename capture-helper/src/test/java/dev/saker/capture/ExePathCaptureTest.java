package dev.saker.capture;

import static dev.saker.capture.RecordedEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.LibsEdition;
import dev.saker.format.FieldOutput;
import dev.saker.scap.RawEvent;
import dev.saker.scap.SysdigOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * execve's trusted_exepath (proc.exepath) and flags, recorded while a shell runs one binary in each of
 * the ways the path walk must get right: directly, through a symlink, in a chroot on a bind mount, on a
 * tmpfs mounted in a private mount namespace, from both layers of an overlayfs, and from a memfd.
 * The mounts are made inside `unshare -m`, so they vanish with the namespace.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExePathCaptureTest {
    private static final int PPM_EXE_WRITABLE = 1 << 0;
    private static final int PPM_EXE_UPPER_LAYER = 1 << 1;
    private static final int PPM_EXE_FROM_MEMFD = 1 << 2;
    private static final int PPM_EXE_LOWER_LAYER = 1 << 3;

    @TempDir
    static Path tempDir;
    static Path dir;
    static Path capture;
    static Path trueReal;
    static boolean overlay;
    static RecordedEvents events;

    @BeforeAll
    static void record() throws Exception {
        CaptureRun.assumeCapturePossible();
        dir = tempDir.toRealPath();
        trueReal = Path.of("/bin/true").toRealPath();
        capture = dir.resolve("exepath.scap");
        for (String d : List.of("root/usr", "tm", "rotm", "lower", "upper", "work", "merged")) {
            Files.createDirectories(dir.resolve(d));
        }
        Files.copy(trueReal, dir.resolve("lower/lowertrue"));
        // a binary anyone may write, run by nobody (who must reach it through the temp dir)
        Files.copy(trueReal, dir.resolve("opentrue"));
        Files.setPosixFilePermissions(dir.resolve("opentrue"), PosixFilePermissions.fromString("rwxr-xrwx"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = dir.resolve("root");
        Path script = dir.resolve("exepath.sh");
        Files.writeString(script, String.join("\n",
                "set -e",
                "/bin/true",
                "ln -s /bin/true " + dir.resolve("link-true"),
                dir.resolve("link-true").toString(),
                "unshare -m sh -c 'mount --bind /usr " + root.resolve("usr") + " && ln -s usr/bin " + root.resolve("bin")
                        + " && ln -s usr/lib " + root.resolve("lib") + " && ln -s usr/lib64 " + root.resolve("lib64")
                        + " && chroot " + root + " /bin/true'",
                "unshare -m sh -c 'mount -t tmpfs none " + dir.resolve("tm") + " && cp /bin/true " + dir.resolve("tm/tmptrue")
                        + " && " + dir.resolve("tm/tmptrue") + "'",
                "setpriv --reuid=65534 --regid=65534 --clear-groups /bin/true",
                "setpriv --reuid=65534 --regid=65534 --clear-groups " + dir.resolve("opentrue"),
                "unshare -m sh -c 'mount -t tmpfs none " + dir.resolve("rotm") + " && cp /bin/true " + dir.resolve("rotm/rotrue")
                        + " && mount -o remount,ro " + dir.resolve("rotm") + " && " + dir.resolve("rotm/rotrue") + "'",
                // overlayfs may be missing (module not loaded, nested container): said in the output, tests skip
                "unshare -m sh -c 'mount -t overlay overlay -o lowerdir=" + dir.resolve("lower") + ",upperdir="
                        + dir.resolve("upper") + ",workdir=" + dir.resolve("work") + " " + dir.resolve("merged")
                        + " && " + dir.resolve("merged/lowertrue") + " && cp /bin/true " + dir.resolve("merged/uppertrue")
                        + " && " + dir.resolve("merged/uppertrue") + "' || echo NO-OVERLAY",
                // fexecve of a memfd holding /bin/true (perl is Debian-essential; memfd_create is syscall 319)
                "perl -e 'my $n = \"memtrue\"; my $fd = syscall(319, $n, 0); die \"memfd_create: $!\" if $fd < 0;"
                        + " open(my $out, \">&=\", $fd) or die; open(my $in, \"<:raw\", \"/bin/true\") or die;"
                        + " local $/; syswrite($out, <$in>) or die; exec {\"/proc/self/fd/$fd\"} \"memtrue\" or die \"exec: $!\"'",
                "rm " + dir.resolve("link-true"), // JUnit warns about links out of its temp dir
                ""));
        Path out = dir.resolve("exepath.out");
        try (CaptureRun run = CaptureRun.start(List.of("-w", capture.toString(), "--duration", "120"),
                ProcessBuilder.Redirect.DISCARD)) {
            Process shell = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            boolean done = shell.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                shell.destroyForcibly();
            }
            Thread.sleep(300); // let the last exits reach the ring buffer
            assertThat(run.stop()).as("saker-capture exit; %s", run.stderr()).isZero();
            assertThat(done).as("workload finished").isTrue();
            assertThat(shell.exitValue()).as("workload exit; output: %s", Files.readString(out)).isZero();
        }
        overlay = !Files.readString(out).contains("NO-OVERLAY");
        if (!overlay) {
            System.out.println("SKIPPED overlayfs exe flags: mount -t overlay failed: " + Files.readString(out));
        }
        events = RecordedEvents.read(capture);
    }

    /** The one successful execve whose exe parameter (argv[0], or the path for a chroot) is exe. */
    private static RawEvent exec(String exe) {
        List<RawEvent> found = events.execs(exe).stream()
                .filter(e -> !"sh".equals(e.string(COMM)) || exe.equals("sh")).toList();
        assertThat(found).as("successful execve of %s", exe).isNotEmpty();
        return found.get(0);
    }

    @Test
    void binTrueReportsItsResolvedPath() {
                RawEvent e = events.of(EXECVE_X, x -> x.signed(0) == 0 && "/bin/true".equals(x.string(EXE))
                && "true".equals(x.string(COMM))).get(0);
        assertThat(e.string(EXECVE_EXEPATH)).isEqualTo(trueReal.toString());
        assertThat(e.number(EXECVE_FLAGS) & (PPM_EXE_UPPER_LAYER | PPM_EXE_LOWER_LAYER | PPM_EXE_FROM_MEMFD)).isZero();
    }

    @Test
    void aSymlinkResolvesToItsTarget() {
        assertThat(exec(dir.resolve("link-true").toString()).string(EXECVE_EXEPATH)).isEqualTo(trueReal.toString());
    }

    @Test
    void aChrootedExecIsNamedFromTheMountNamespaceRootAcrossTheBindMount() {
        // libs walks to the root of the mount namespace, not of the process: the chroot shows in the path
        long chrootTid = exec("chroot").tid();
        RawEvent e = events.of(EXECVE_X, x -> x.signed(0) == 0 && x.tid() == chrootTid
                && "/bin/true".equals(x.string(EXE))).get(0);
        assertThat(e.string(EXECVE_EXEPATH)).isEqualTo(dir.resolve("root").toString() + trueReal);
    }

    @Test
    void aBinaryOnATmpfsInAPrivateMountNamespaceCrossesTheMountPoint() {
        String tmp = dir.resolve("tm/tmptrue").toString();
        assertThat(exec(tmp).string(EXECVE_EXEPATH)).isEqualTo(tmp);
    }

    @Test
    void overlayExecsCarryTheirLayer() {
        Assumptions.assumeTrue(overlay, "mount -t overlay failed here");
        RawEvent lower = exec(dir.resolve("merged/lowertrue").toString());
        assertThat(lower.string(EXECVE_EXEPATH)).isEqualTo(dir.resolve("merged/lowertrue").toString());
        assertThat(lower.number(EXECVE_FLAGS) & (PPM_EXE_UPPER_LAYER | PPM_EXE_LOWER_LAYER)).isEqualTo(PPM_EXE_LOWER_LAYER);
        RawEvent upper = exec(dir.resolve("merged/uppertrue").toString());
        assertThat(upper.string(EXECVE_EXEPATH)).isEqualTo(dir.resolve("merged/uppertrue").toString());
        assertThat(upper.number(EXECVE_FLAGS) & (PPM_EXE_UPPER_LAYER | PPM_EXE_LOWER_LAYER)).isEqualTo(PPM_EXE_UPPER_LAYER);
    }

    @Test
    void aMemfdExecIsFlaggedAndNamedAsLibsNamesIt() {
        RawEvent e = exec("memtrue");
        assertThat(e.string(EXECVE_EXEPATH)).isEqualTo("memfd:memtrue");
        assertThat(e.number(EXECVE_FLAGS) & PPM_EXE_FROM_MEMFD).isEqualTo(PPM_EXE_FROM_MEMFD);
        assertThat(e.number(EXECVE_FLAGS) & (PPM_EXE_UPPER_LAYER | PPM_EXE_LOWER_LAYER)).isZero();
    }

    @Test
    void writableIsSetWhereTheProcessCouldWriteItsExecutable() {
        RawEvent root = events.of(EXECVE_X, x -> x.signed(0) == 0 && "/bin/true".equals(x.string(EXE))
                && x.number(EXECVE_UID) == 0).get(0);
        assertThat(root.number(EXECVE_FLAGS) & PPM_EXE_WRITABLE).as("root runs its own file").isEqualTo(PPM_EXE_WRITABLE);
        RawEvent nobody = events.of(EXECVE_X, x -> x.signed(0) == 0 && "/bin/true".equals(x.string(EXE))
                && x.number(EXECVE_UID) == 65534).get(0);
        assertThat(nobody.number(EXECVE_FLAGS) & PPM_EXE_WRITABLE).as("nobody runs root's 0755 file").isZero();
        RawEvent open = exec(dir.resolve("opentrue").toString());
        assertThat(open.number(EXECVE_UID)).isEqualTo(65534);
        assertThat(open.number(EXECVE_FLAGS) & PPM_EXE_WRITABLE).as("others may write").isEqualTo(PPM_EXE_WRITABLE);
        RawEvent readOnly = exec(dir.resolve("rotm/rotrue").toString());
        assertThat(readOnly.string(EXECVE_EXEPATH)).isEqualTo(dir.resolve("rotm/rotrue").toString());
        assertThat(readOnly.number(EXECVE_UID)).isZero();
        assertThat(readOnly.number(EXECVE_FLAGS) & PPM_EXE_WRITABLE).as("read-only file system").isZero();
    }

    @Test
    void procExepathFieldPrintsTheRecordedPath() throws IOException {
        StringBuilder out = new StringBuilder();
        FieldOutput.text("%evt.type %proc.exe %proc.exepath").write(capture, LibsEdition.CURRENT, out, -1);
        assertThat(out.toString().lines()).contains("execve /bin/true " + trueReal,
                "execve " + dir.resolve("link-true") + " " + trueReal);
    }

    @Test
    void sysdigStillReadsTheExecves() {
        String printed = SysdigOracle.print(capture, "evt.type=execve and evt.dir=<");
        assertThat(printed).contains("< execve res=0 exe=" + dir.resolve("link-true"));
        assertThat(printed).contains("< execve res=0 exe=memtrue");
    }
}
