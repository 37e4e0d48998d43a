package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.rules.Priority;
import dev.saker.scap.SysdigOracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5: every bundled sample capture, scanned with each rule set, gives exactly the detections its
 * manifest lists; sysdig 0.29.3 reads every one; the folder holds only the sandboxed Pod, and is small.
 */
class SampleCapturesTest {
    static final String CONTAINER_ID = "67c3ee120817";
    private static final Map<SampleRuleSet, SampleRuleSet.Loaded> LOADED = new EnumMap<>(SampleRuleSet.class);

    static synchronized SampleRuleSet.Loaded rules(SampleRuleSet set) throws IOException {
        SampleRuleSet.Loaded l = LOADED.get(set);
        if (l == null) {
            l = set.load();
            LOADED.put(set, l);
        }
        return l;
    }

    static List<String> samples() {
        try (Stream<Path> s = Files.list(SampleCaptures.DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".scap")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String s : samples()) {
            for (SampleRuleSet set : SampleRuleSet.values()) {
                out.add(Arguments.of(s, set));
            }
        }
        return out.stream();
    }

    /** Asserts one capture's detections with one rule set equal the manifest's entry for `name`. */
    static void assertManifest(Path capture, String name, SampleRuleSet set) throws IOException {
        SampleRuleSet.Loaded rules = rules(set);
        List<Object> actual = SampleManifest.entries(SampleCaptures.scan(capture, rules.rules(), rules.judged()));
        List<Object> expected = SampleManifest.expected(SampleManifest.read(), name, set);
        assertThat(actual).as("detections in %s with the %s rules; the scan gave:\n%s", capture, set.key,
                SampleManifest.dump(actual)).isEqualTo(expected);
    }

    @Test
    void theManifestListsExactlyTheBundledCaptures() throws IOException {
        assertThat(samples()).as("captures in %s", SampleCaptures.DIR).hasSizeGreaterThanOrEqualTo(6);
        assertThat(new TreeSet<>(SampleManifest.captures(SampleManifest.read()).keySet()))
                .containsExactlyElementsOf(samples());
    }

    @ParameterizedTest(name = "{0} with the {1} rules")
    @MethodSource("cases")
    void detectionsAreTheManifests(String sample, SampleRuleSet set) throws IOException {
        assertManifest(SampleCaptures.DIR.resolve(sample), sample, set);
    }

    @Test
    void theOfficialRulesSakerCannotEvaluateYetAreListed() throws IOException {
        // Falco runs these too; until the fields they use land, their detections are not in the manifest.
        assertThat(new ArrayList<>(rules(SampleRuleSet.OFFICIAL).skipped()))
                .isEqualTo(SampleManifest.read().get("official_rules_not_evaluated"));
    }

    @Test
    void theBenignCaptureRaisesNothingAtWarningOrAbove() throws IOException {
        for (SampleRuleSet set : SampleRuleSet.values()) {
            SampleRuleSet.Loaded rules = rules(set);
            SampleCaptures.scan(SampleCaptures.DIR.resolve("benign.scap"), rules.rules(), rules.judged())
                    .values().forEach(h -> assertThat(h.priority().compareTo(Priority.WARNING))
                            .as("%s (%s) with the %s rules", h.rule(), h.priority(), set.key).isGreaterThan(0));
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sysdigReadsTheCaptureAsSakerDoes(String sample) {
        Path capture = SampleCaptures.DIR.resolve(sample);
        String sysdig = SysdigOracle.print(capture);
        CliRun saker = CliRun.of("read", capture.toString());
        assertThat(saker.exitCode()).isZero();
        assertThat(sysdig.lines().count()).as("events sysdig prints").isGreaterThan(100)
                .isEqualTo(saker.stdout().lines().count());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyProcessInTheCaptureIsThePods(String sample) {
        // Recorded with --pod: nothing of the recording machine may be in a sample. The only events
        // outside the container are the exec launcher's last few syscalls between joining the cgroup
        // and its execve, from a thread the capture has no process information for (as runc's are).
        CliRun r = CliRun.of("read", "-p", "%container.id %proc.name", SampleCaptures.DIR.resolve(sample).toString());
        assertThat(r.exitCode()).isZero();
        List<String> others = r.stdout().lines().filter(l -> !l.startsWith(CONTAINER_ID + " ")).toList();
        assertThat(others).as("events outside the container").hasSizeLessThanOrEqualTo(8)
                .allSatisfy(l -> assertThat(l).isEqualTo("host <NA>"));
        assertThat(r.stdout().lines().count() - others.size()).as("events in the container").isGreaterThan(100);
    }

    @Test
    void theQuickStartCommandShowsTheTutorialsAlertsWithThePod() {
        // README's first command: `./saker open sample-captures/tutorial.scap` with the starter rules; on a
        // machine without a display (like this test's) it prints what `saker scan` prints, then a note
        Assumptions.assumeTrue(ScanCommand.falcoDefaultPaths().isEmpty(), "Falco's rules are installed in /etc/falco");
        String before = System.getProperty("saker.display");
        System.setProperty("saker.display", "none");
        CliRun r;
        try {
            r = CliRun.of("open", SampleCaptures.DIR.resolve("tutorial.scap").toString());
        } finally {
            if (before == null) {
                System.clearProperty("saker.display");
            } else {
                System.setProperty("saker.display", before);
            }
        }
        assertThat(r.exitCode()).isZero();
        List<String> alerts = r.stdout().lines().toList();
        assertThat(alerts).hasSize(4).allSatisfy(a -> assertThat(a).endsWith(" container_id=67c3ee120817"
                + " container_name=nginx container_image_repository=docker.io/library/nginx container_image_tag=1.19"
                + " k8s_pod_name=nginx-7c5ddbdf54-q7rwm k8s_ns_name=default"));
        assertThat(alerts.get(0)).contains("Notice Shell spawned in a container (user=root shell=bash command=bash parent=runc)");
        assertThat(alerts.get(1)).contains("Error Package manager launched in a container (user=root command=apt update parent=bash)");
        assertThat(alerts.get(3)).contains("Notice Network tool launched in a container (user=root command=curl https://google.com");
        assertThat(r.stderr()).contains("Events detected: 4");
    }

    @Test
    void theFolderStaysWellUnderFiveMegabytes() throws IOException {
        long total;
        try (Stream<Path> s = Files.walk(SampleCaptures.DIR)) {
            total = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(total).isLessThan(4L * 1024 * 1024);
    }
}
