package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5, done-means 3: sample-captures/record.sh re-records the tutorial scenario on this machine
 * (root, a kernel with BTF; the first run makes the Debian root file system with debootstrap and
 * caches it in /var/cache/saker-samples), and the fresh capture passes the bundled one's expectations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleRecordingTest {
    static final Path RECORD = Path.of("..", "sample-captures", "record.sh").toAbsolutePath().normalize();
    static final long TIMEOUT_MINUTES = 10;

    Path fresh;

    @BeforeAll
    void recordTheTutorial(@TempDir Path out) throws IOException, InterruptedException {
        String user = System.getProperty("user.name");
        Assumptions.assumeTrue("root".equals(user), () -> {
            String reason = "skipped: record.sh needs root (namespaces, cgroups, eBPF); running as " + user;
            System.out.println(reason);
            return reason;
        });
        Path log = out.resolve("record.log");
        Process p = new ProcessBuilder(RECORD.toString(), "-o", out.toString(), "tutorial")
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        long started = System.nanoTime();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("record.sh did not finish in " + TIMEOUT_MINUTES + " minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.printf("record.sh tutorial: %.1f s%n%s", (System.nanoTime() - started) / 1e9, output);
        assertThat(p.exitValue()).as("record.sh exit status; it printed:\n%s", output).isZero();
        fresh = out.resolve("tutorial.scap");
        assertThat(fresh).exists();
    }

    @ParameterizedTest(name = "with the {0} rules")
    @EnumSource(SampleRuleSet.class)
    void theFreshTutorialHasTheBundledOnesDetections(SampleRuleSet set) throws IOException {
        SampleCapturesTest.assertManifest(fresh, "tutorial.scap", set);
    }

    @Test
    void theFreshTutorialHoldsOnlyThePod() {
        CliRun r = CliRun.of("read", "-p", "%container.id %container.image %k8s.pod.name %k8s.ns.name", fresh.toString());
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.stdout().lines().toList();
        List<String> others = lines.stream().filter(l -> !l.startsWith(SampleCapturesTest.CONTAINER_ID + " ")).toList();
        assertThat(others).hasSizeLessThanOrEqualTo(8);
        assertThat(lines.stream().filter(l -> l.startsWith(SampleCapturesTest.CONTAINER_ID + " ")).distinct())
                .containsExactly(SampleCapturesTest.CONTAINER_ID + " docker.io/library/nginx:1.19 nginx-7c5ddbdf54-q7rwm default");
    }
}
