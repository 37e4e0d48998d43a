package dev.saker.app;

import dev.saker.scap.ConformanceCaptures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandTest {
    @TempDir
    Path dir;

    private static String curl() {
        return ConformanceCaptures.capture("libs/curl_google.scap").toString();
    }

    @Test
    void stopsAfterEventNumberN() {
        CliRun r = CliRun.of("read", "-n", "215", curl());
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().lines().toList()).hasSize(5).last().asString().startsWith("215 ");
    }

    @Test
    void printsChosenFields() {
        CliRun r = CliRun.of("read", "-n", "211", "-p", "%evt.num %proc.name %proc.pname %proc.cmdline", curl());
        assertThat(r.stdout()).isEqualTo("211 curl bash curl -6 http://www.google.com\n");
    }

    @Test
    void invalidFormatSaysWhatAndWhereWithoutOutput() {
        CliRun r = CliRun.of("read", "-p", "%evt.num %bogus.field", curl());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("saker: invalid -p format: unknown field bogus.field\n"
                + "  %evt.num %bogus.field\n" + "            ^\n");
    }

    @Test
    void truncatedCapturePrintsEveryEventBeforeTheDamageThenOneError() throws IOException {
        byte[] plain;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(
                ConformanceCaptures.capture("libs/single_ipv6_conn.scap")))) {
            plain = in.readAllBytes();
        }
        Path cut = dir.resolve("cut.scap");
        Files.write(cut, java.util.Arrays.copyOf(plain, plain.length - 3523));
        CliRun r = CliRun.of("read", cut.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout().lines().toList()).last().asString().startsWith("1540 ");
        assertThat(r.stderr()).isEqualTo("saker: damaged capture at byte offset 247468: truncated block: "
                + "type 0x216 declares 60 bytes, only 17 present\n");
    }

    @Test
    void aFileThatIsNoCaptureSaysSoInOneLine() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello\n");
        CliRun r = CliRun.of("read", text.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("saker: not a libscap capture: no section header block at the start\n");
    }

    @Test
    void newerEventTypesHiddenInSysdigViewAreCounted() {
        CliRun r = CliRun.of("read", ConformanceCaptures.capture("libs/sample.scap").toString());
        assertThat(r.stderr()).contains("95 events of types newer than sysdig 0.29.3 knows");
    }
}
