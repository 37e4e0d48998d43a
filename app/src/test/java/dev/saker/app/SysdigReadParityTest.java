package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 2, done-means 1: `saker read F` prints what `TZ=UTC sysdig -r F` prints for every conformance
 * capture sysdig reads, up to the classes of difference in sysdig-read-allowlist.txt.
 */
class SysdigReadParityTest {
    /** The 2022 libs' PPM_EVENT_MAX. */
    private static final int LEGACY_EVENT_MAX = 336;
    private static final Set<String> NEWER_EVENT_NAMES = newerEventNames();

    static List<Path> readableBySysdig() {
        return ConformanceCaptures.captures().stream()
                .filter(p -> !p.getFileName().toString().equals("curl_google_comments.scap")).toList();
    }

    @ParameterizedTest
    @MethodSource("readableBySysdig")
    void printsWhatSysdigPrints(Path capture) throws IOException {
        List<String> ours = normalise(sakerRead(capture.toString()));
        List<String> theirs = SysdigOracle.print(capture).lines().toList();
        assertThat(ours).hasSize(theirs.size());
        for (int i = 0; i < theirs.size(); i++) {
            assertThat(ours.get(i)).as("line %d of %s", i + 1, capture).isEqualTo(theirs.get(i));
        }
    }

    @Test
    void theAllowlistNamesOnlyClassesTheComparisonApplies() throws IOException {
        assertThat(allowlistClasses()).containsExactly("newer-event-types");
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
        TimeZone before = TimeZone.getDefault();
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 1];
            all[0] = "read";
            System.arraycopy(args, 0, all, 1, args.length);
            assertThat(Saker.run(all)).isZero();
        } finally {
            System.setOut(out);
            TimeZone.setDefault(before);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** Applies the allowlisted class "newer-event-types": drop those events, renumber the rest. */
    private static List<String> normalise(String output) {
        List<String> out = new ArrayList<>();
        long skipped = 0;
        for (String line : output.lines().toList()) {
            String[] f = line.split(" ", 8);
            if (f.length > 6 && NEWER_EVENT_NAMES.contains(f[6])) {
                skipped++;
                continue;
            }
            if (skipped > 0 && f.length > 1 && f[0].chars().allMatch(Character::isDigit) && !f[0].isEmpty()) {
                out.add((Long.parseLong(f[0]) - skipped) + line.substring(f[0].length()));
            } else {
                out.add(line);
            }
        }
        return out;
    }

    /** Names of the event types 336 and up that no older type shares. */
    private static Set<String> newerEventNames() {
        dev.saker.scap.EventSchema schema = dev.saker.scap.EventSchema.current();
        Set<String> old = new java.util.HashSet<>();
        for (int t = 0; t < LEGACY_EVENT_MAX; t++) {
            old.add(schema.info(t).name());
        }
        Set<String> newer = new java.util.HashSet<>();
        for (int t = LEGACY_EVENT_MAX; t < schema.size(); t++) {
            if (!old.contains(schema.info(t).name())) {
                newer.add(schema.info(t).name());
            }
        }
        return newer;
    }

    private static List<String> allowlistClasses() throws IOException {
        try (InputStream in = SysdigReadParityTest.class.getResourceAsStream("/sysdig-read-allowlist.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.substring(0, l.indexOf(':'))).collect(Collectors.toList());
        }
    }
}
