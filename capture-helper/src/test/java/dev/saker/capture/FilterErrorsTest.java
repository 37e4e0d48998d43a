package dev.saker.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A filter that names nothing, or metadata that cannot be read, stops the helper with what and where. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FilterErrorsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void capturePossible() {
        CaptureRun.assumeCapturePossible();
    }

    private record Outcome(int exit, String stderr) {
    }

    private Outcome run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CaptureRun.BINARY.toString(), "-w", dir.resolve("x.scap").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), out);
    }

    @Test
    void aMissingCgroupIsNamedAndNoFileIsWritten() throws Exception {
        Outcome o = run("--cgroup", "/kubepods.slice/no-such-pod.slice");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.stderr()).contains("--cgroup /kubepods.slice/no-such-pod.slice: no such cgroup");
        assertThat(dir.resolve("x.scap")).doesNotExist();
    }

    @Test
    void aContainerIdThatIsNotHexIsABadFlag() throws Exception {
        Outcome o = run("--container", "nginx");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.stderr()).contains("--container wants a container id of 12 to 64 lowercase hex digits, not 'nginx'");
    }

    @Test
    void anUnknownContainerIsNamed() throws Exception {
        Outcome o = run("--container", "0123456789abcdef0123");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.stderr()).contains("--container 0123456789abcdef0123: no cgroup whose name contains '0123456789abcdef0123'");
    }

    @Test
    void twoFiltersAreRefused() throws Exception {
        Outcome o = run("--cgroup", "/", "--pod", "a/b");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.stderr()).contains("give only one of --cgroup, --container and --pod");
    }

    @Test
    void aPodNobodyDescribesSaysWhereItLooked() throws Exception {
        Path meta = dir.resolve("meta.json");
        Files.writeString(meta, "{\"containers\": []}");
        Outcome o = run("--pod", "shop/web-0", "--container-meta", meta.toString());
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.stderr()).contains("--pod shop/web-0: no container of that pod is known");
        assertThat(run("--pod", "web-0").stderr()).contains("--pod wants NAMESPACE/NAME, not 'web-0'");
    }

    @Test
    void brokenMetadataIsReportedWithLineAndColumn() throws Exception {
        Path meta = dir.resolve("meta.json");
        Files.writeString(meta, "{\"containers\": [\n  {\"id\": \"0123456789ab\", \"name\": web}\n]}");
        Outcome o = run("--container-meta", meta.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.stderr()).contains("--container-meta " + meta + ": not valid JSON: line 2, column 34: expected a value");
        Files.writeString(meta, "{\"containers\": [{\"id\": \"Nginx\"}]}");
        assertThat(run("--container-meta", meta.toString()).stderr())
                .contains(meta + ": containers[0].id wants 12 to 64 lowercase hex digits, not Nginx");
    }
}
