package dev.saker.app;

import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.SysdigOracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 2, done-means 1: `saker read F` prints what `TZ=UTC sysdig -r F` prints for every conformance
 * capture sysdig reads. Differences kept on purpose would be listed in sysdig-read-allowlist.txt; there are none.
 */
class SysdigReadParityTest {
    static List<Path> readableBySysdig() {
        return ConformanceCaptures.captures().stream()
                .filter(p -> !p.getFileName().toString().equals("curl_google_comments.scap")).toList();
    }

    @ParameterizedTest
    @MethodSource("readableBySysdig")
    void printsWhatSysdigPrints(Path capture) throws IOException {
        List<String> ours = sakerRead(capture.toString()).lines().toList();
        List<String> theirs = SysdigOracle.print(capture).lines().toList();
        assertThat(ours).hasSize(theirs.size());
        for (int i = 0; i < theirs.size(); i++) {
            assertThat(ours.get(i)).as("line %d of %s", i + 1, capture).isEqualTo(theirs.get(i));
        }
    }

    /** The allowlist is empty: a class added there needs its normalisation here, or this fails. */
    @Test
    void theAllowlistIsEmpty() throws IOException {
        assertThat(allowlistClasses()).isEmpty();
    }

    @Test
    void eventTypesSysdigDoesNotKnowAreNotedNotSilentlyDropped() {
        ConformanceCaptures.requireRoot();
        String sample = ConformanceCaptures.capture("libs/sample.scap").toString();
        assertThat(sakerRead(sample)).doesNotContain("useradded");
        assertThat(sakerRead("--as", "falco", sample)).contains("> useradded uid=999 gid=100 name=lxd");
    }

    @Test
    void commentedCaptureReadsLikeTheOriginal() {
        ConformanceCaptures.requireRoot();
        String plain = sakerRead(ConformanceCaptures.capture("libs/curl_google.scap").toString());
        String commented = sakerRead(ConformanceCaptures.capture("libs/curl_google_comments.scap").toString());
        assertThat(plain.lines().count()).isEqualTo(1221);
        assertThat(commented).isEqualTo(plain);
    }

    static String sakerRead(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "read";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run.stdout();
    }

    private static List<String> allowlistClasses() throws IOException {
        try (InputStream in = SysdigReadParityTest.class.getResourceAsStream("/sysdig-read-allowlist.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.substring(0, l.indexOf(':'))).collect(Collectors.toList());
        }
    }
}
