package dev.saker.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.LibsEdition;
import dev.saker.format.FieldOutput;
import dev.saker.scap.MetadataListener;
import dev.saker.scap.ProcessEntry;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import dev.saker.scap.SysdigOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-means 2: a capture limited to a Pod-shaped cgroup (by --cgroup, --pod with a metadata file, or
 * --container) holds that Pod's processes only, in its events and in the process list written at
 * start, while a process outside runs the same commands; the container id resolves, and the pod name
 * and namespace come from the metadata file, in Saker's reader and in sysdig 0.29.3.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PodCaptureTest {
    private static final String POD_NS = "shop";
    private static final String POD_NAME = "web-0";

    @TempDir
    static Path dir;
    static PodCgroup pod;
    static Process resident;
    static Path podKnown;
    static Path hostKnown;
    static Path meta;
    static Path byCgroup;
    static Path byPod;
    static Path byContainer;

    @BeforeAll
    static void record() throws Exception {
        CaptureRun.assumeCapturePossible();
        pod = PodCgroup.create();
        podKnown = dir.resolve("pod-known.txt");
        hostKnown = dir.resolve("host-known.txt");
        Files.writeString(podKnown, "inside the pod\n");
        Files.writeString(hostKnown, "outside the pod\n");
        meta = dir.resolve("containers.json");
        Files.writeString(meta, """
                {"containers": [
                  {"id": "%s", "name": "web", "image": "docker.io/library/nginx:1.25", "type": "containerd",
                   "labels": {"io.kubernetes.pod.name": "%s", "io.kubernetes.pod.namespace": "%s",
                              "io.kubernetes.pod.uid": "%s", "io.kubernetes.container.name": "web"}},
                  {"id": "%s", "name": "elsewhere", "image": "busybox:1.36",
                   "labels": {"io.kubernetes.pod.name": "other", "io.kubernetes.pod.namespace": "%s"}}
                ]}
                """.formatted(pod.containerId, POD_NAME, POD_NS, pod.podUid, "ab".repeat(32), POD_NS));
        // The pod's one long-lived process, in the process list of every capture, runs each capture's
        // commands when asked: so every pod event comes from a process the capture knows from its start.
        Path jobs = Files.createDirectory(dir.resolve("jobs"));
        resident = pod.start(List.of("sh", "-c", "while :; do for j in " + jobs + "/*.sh; do [ -e \"$j\" ] || continue; "
                + "mv \"$j\" \"$j.run\"; sh \"$j.run\" > \"$j.log\" 2>&1; echo $? > \"$j.done\"; done; sleep 0.1; done"),
                dir.resolve("resident.out"));
        Thread.sleep(300);
        byCgroup = capture("cgroup", "--cgroup", pod.v2Dir.toString());
        byPod = capture("pod", "--pod", POD_NS + "/" + POD_NAME, "--container-meta", meta.toString());
        byContainer = capture("container", "--container", pod.containerId.substring(0, 12),
                "--container-meta", meta.toString());
    }

    @AfterAll
    static void removeCgroups() throws IOException {
        if (pod != null) {
            pod.close();
        }
    }

    /** Records while the same commands run inside the pod and outside it. */
    private static Path capture(String name, String... filter) throws Exception {
        Path file = dir.resolve(name + ".scap");
        List<String> args = new ArrayList<>(List.of("-w", file.toString(), "--duration", "120"));
        args.addAll(List.of(filter));
        String commands = "for i in $(seq 20); do /bin/true; done; cat %s > /dev/null; echo written > %s";
        try (CaptureRun run = CaptureRun.start(args, ProcessBuilder.Redirect.DISCARD)) {
            Path job = dir.resolve("jobs").resolve(name + ".sh");
            Files.writeString(dir.resolve("jobs").resolve(name + ".tmp"), "hostname saker-pod; "
                    + commands.formatted(podKnown, dir.resolve(name + "-pod.out")) + "\n");
            Files.move(dir.resolve("jobs").resolve(name + ".tmp"), job);
            Process outside = new ProcessBuilder("sh", "-c", commands.formatted(hostKnown, dir.resolve(name + "-host.out")))
                    .redirectErrorStream(true).redirectOutput(dir.resolve(name + "-out.log").toFile()).start();
            assertThat(outside.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Path done = Path.of(job + ".done");
            for (int i = 0; i < 600 && !Files.exists(done); i++) {
                Thread.sleep(100);
            }
            assertThat(done).as("the pod ran the job; resident alive: %s", resident.isAlive()).exists();
            assertThat(Files.readString(done).strip()).as(Files.readString(Path.of(job + ".log"))).isEqualTo("0");
            Thread.sleep(300); // let the last exits reach the ring buffer
            assertThat(run.stop()).as(run.stderr()).isZero();
            assertThat(run.stderr()).contains("only cgroup ");
        }
        return file;
    }

    private static String fields(Path capture, String format) throws IOException {
        StringBuilder out = new StringBuilder();
        FieldOutput.text(format).write(capture, LibsEdition.CURRENT, out, -1);
        return out.toString();
    }

    private static List<ProcessEntry> processList(Path capture) throws IOException {
        List<ProcessEntry> list = new ArrayList<>();
        try (ScapReader reader = ScapReader.open(capture, new MetadataListener() {
            @Override
            public void onProcess(ProcessEntry p) {
                list.add(p);
            }
        })) {
            while (reader.next() != null) {
                // the process list comes before the events; reading them all checks the file is whole
            }
        }
        return list;
    }

    private void assertOnlyThePod(Path capture) throws IOException {
        String shortId = pod.containerId.substring(0, 12);
        List<String> lines = fields(capture, "*%evt.type %container.id %proc.name %fd.name").lines()
                .filter(l -> !l.startsWith("container ")).toList();
        assertThat(lines).hasSizeGreaterThan(40);
        assertThat(lines).allSatisfy(l -> assertThat(l.split(" ")[1]).as(l).isEqualTo(shortId));
        assertThat(lines).anyMatch(l -> l.startsWith("openat " + shortId + " cat " + podKnown));
        assertThat(String.join("\n", lines)).doesNotContain(hostKnown.toString());
    }

    @Test
    void cgroupFilterKeepsOnlyThePodsProcesses() throws IOException {
        assertOnlyThePod(byCgroup);
    }

    @Test
    void podFilterKeepsOnlyThePodsProcesses() throws IOException {
        assertOnlyThePod(byPod);
    }

    @Test
    void containerFilterKeepsOnlyThePodsProcesses() throws IOException {
        assertOnlyThePod(byContainer);
    }

    @Test
    void processListAtStartHoldsOnlyThePod() throws IOException {
        for (Path capture : List.of(byCgroup, byPod, byContainer)) {
            List<ProcessEntry> list = processList(capture);
            assertThat(list).as(capture + ": the resident pod process").anyMatch(p -> p.comm.equals("sleep"));
            assertThat(list).allSatisfy(p -> assertThat(new String(p.cgroups, StandardCharsets.UTF_8))
                    .as("%s: %s (%d)", capture, p.comm, p.tid).contains(pod.relPath));
            assertThat(list).noneMatch(p -> p.pid == ProcessHandle.current().pid() || p.pid == 1);
        }
    }

    @Test
    void containerAndPodResolveFromTheMetadataFile() throws IOException {
        String shortId = pod.containerId.substring(0, 12);
        for (Path capture : List.of(byPod, byContainer)) {
            String printed = fields(capture, "%evt.type %container.id %container.name %container.image %k8s.pod.name "
                    + "%k8s.ns.name %fd.name");
            assertThat(printed).as(capture.toString()).contains("openat " + shortId
                    + " web docker.io/library/nginx:1.25 " + POD_NAME + " " + POD_NS + " " + podKnown);
        }
    }

    @Test
    void onlyTheContainersInsideTheTargetAreDescribed() throws IOException {
        for (Path capture : List.of(byPod, byContainer)) {
            List<String> described = new ArrayList<>();
            try (ScapReader reader = ScapReader.open(capture)) {
                for (RawEvent e; (e = reader.next()) != null; ) {
                    if (e.type() == 324) {
                        described.add(e.string(0));
                    }
                }
            }
            assertThat(described).hasSize(1);
            assertThat(described.get(0)).contains("\"full_id\":\"" + pod.containerId + "\"").doesNotContain("elsewhere");
        }
    }

    @Test
    void sysdigResolvesTheContainerAndPodAndSeesNothingOutside() {
        String shortId = pod.containerId.substring(0, 12);
        String printed = SysdigOracle.print(byPod, "-p",
                "%evt.type %container.id %container.name %k8s.pod.name %k8s.ns.name %fd.name", "evt.type!=container");
        assertThat(printed).contains("openat " + shortId + " web " + POD_NAME + " " + POD_NS + " " + podKnown);
        assertThat(printed).doesNotContain(hostKnown.toString());
        assertThat(printed.lines()).allSatisfy(l -> assertThat(l.split(" ")[1]).as(l).isEqualTo(shortId));
        String byCgroupPrinted = SysdigOracle.print(byCgroup, "-p", "%evt.type %container.id %fd.name");
        assertThat(byCgroupPrinted).contains("openat " + shortId + " " + podKnown).doesNotContain(hostKnown.toString());
    }
}
