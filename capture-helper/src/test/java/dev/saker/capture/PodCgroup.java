package dev.saker.capture;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Pod-shaped cgroup as the kubelet's systemd driver makes it
 * (kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod&lt;uid&gt;.slice/cri-containerd-&lt;id&gt;.scope),
 * in cgroup v2 and, on a machine that also mounts v1 controllers, in the v1 cpu hierarchy too: there
 * the probe reports a process's cgroups from the v1 controllers, so that is where its container id is
 * seen, as on a real hybrid node. Processes started with {@link #start} run inside it in their own
 * mount, pid, uts and net namespaces. {@link #close} kills them and removes every directory it made.
 */
final class PodCgroup implements AutoCloseable {
    final String containerId;
    final String podUid;
    /** The path inside each hierarchy, as /proc/PID/cgroup shows it. */
    final String relPath;
    final Path v2Dir;
    private final List<Path> leaves = new ArrayList<>();
    private final List<Path> made = new ArrayList<>();
    private final List<Process> started = new ArrayList<>();

    private PodCgroup(long seed) {
        Random r = new Random(seed);
        byte[] id = new byte[32];
        r.nextBytes(id);
        containerId = HexFormat.of().formatHex(id);
        podUid = new UUID(r.nextLong(), r.nextLong()).toString();
        relPath = "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + podUid.replace('-', '_')
                + ".slice/cri-containerd-" + containerId + ".scope";
        v2Dir = mountOf("cgroup2", null).resolve(relPath.substring(1));
    }

    /** Makes the cgroup; skips (with the reason printed) where cgroups cannot be made at all. */
    static PodCgroup create() throws IOException {
        PodCgroup pod = new PodCgroup(System.nanoTime());
        try {
            pod.mkdirs(pod.v2Dir);
            pod.delegateControllers(mountOf("cgroup2", null));
            Path cpu = mountOf("cgroup", "cpu");
            if (cpu != null) {
                pod.mkdirs(cpu.resolve(pod.relPath.substring(1)));
            }
        } catch (FileSystemException e) {
            pod.close();
            String reason = "cannot make a cgroup here (" + e.getMessage() + ")";
            System.out.println("SKIPPED pod capture tests: " + reason);
            Assumptions.assumeTrue(false, reason);
        }
        return pod;
    }

    /**
     * On cgroup v2 the probe reports, per controller, the nearest cgroup with that controller enabled:
     * enabling at every level the kubelet would (what the root already hands down) makes that the
     * container's own cgroup, as on a real node. The root itself is left as it is.
     */
    private void delegateControllers(Path v2Root) throws IOException {
        List<String> offered = List.of(Files.readString(v2Root.resolve("cgroup.subtree_control")).trim().split("\\s+"));
        List<String> wanted = offered.stream().filter(c -> List.of("cpuset", "cpu", "io", "memory", "pids").contains(c))
                .toList();
        for (Path p : made) {
            if (p.startsWith(v2Root) && !p.equals(v2Dir)) {
                for (String c : wanted) {
                    Files.writeString(p.resolve("cgroup.subtree_control"), "+" + c);
                }
            }
        }
    }

    /** The mount point of cgroup v2, or of the v1 hierarchy holding this controller. */
    static Path mountOf(String fsType, String controller) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] halves = line.split(" - ", 2);
                String[] pre = halves[0].split(" ");
                String[] post = halves.length > 1 ? halves[1].split(" ") : new String[0];
                if (post.length >= 3 && post[0].equals(fsType)
                        && (controller == null || List.of(post[2].split(",")).contains(controller))) {
                    return Path.of(pre[4]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/mountinfo", e);
        }
        if (controller == null) {
            throw new IllegalStateException("no cgroup v2 mount in /proc/self/mountinfo");
        }
        return null;
    }

    private void mkdirs(Path leaf) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = leaf; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            made.add(p);
        }
        leaves.add(leaf);
    }

    /** Runs the command inside the cgroup, in new mount, pid, uts and net namespaces. */
    Process start(List<String> command, Path output) throws IOException {
        StringBuilder join = new StringBuilder();
        for (Path leaf : leaves) {
            join.append("echo $$ > '").append(leaf.resolve("cgroup.procs")).append("' || exit 97; ");
        }
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", join + "exec \"$@\"", "sh",
                "unshare", "--mount", "--pid", "--uts", "--net", "--fork", "--kill-child"));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        started.add(p);
        return p;
    }

    @Override
    public void close() throws IOException {
        started.forEach(Process::destroyForcibly);
        for (Path leaf : leaves) {
            killAll(leaf);
        }
        for (int i = made.size() - 1; i >= 0; i--) {
            Path p = made.get(i);
            if (p.getFileName().toString().contains(podUid.replace('-', '_')) || leaves.contains(p)) {
                removeDir(p);
            } else {
                // kubepods.slice and the QoS slice may meanwhile hold another test's pod: theirs to remove then
                try {
                    Files.deleteIfExists(p);
                } catch (FileSystemException e) {
                    System.out.println("left " + p + " in place: " + e.getMessage());
                }
            }
        }
    }

    /** Every process still inside is one this fixture started (or their children). */
    private static void killAll(Path leaf) throws IOException {
        Path procs = leaf.resolve("cgroup.procs");
        for (int attempt = 0; attempt < 100 && Files.exists(procs); attempt++) {
            List<String> pids = Files.readAllLines(procs).stream().filter(s -> !s.isBlank()).toList();
            if (pids.isEmpty()) {
                return;
            }
            pids.forEach(pid -> ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly));
            sleep(50);
        }
    }

    private static void removeDir(Path dir) throws IOException {
        // a cgroup goes away with rmdir once empty; the last exits may take a moment
        for (int attempt = 0; ; attempt++) {
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (FileSystemException e) {
                if (attempt >= 100) {
                    throw e;
                }
                sleep(50);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
