package dev.saker.app;

import dev.saker.scap.ConformanceCaptures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.CaptureFormatException;
import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
    @TempDir
    Path dir;

    private static CliRun saker(String... args) {
        return CliRun.of(args);
    }

    private static List<Long> eventOffsets(Path capture) throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (ScapReader r = ScapReader.open(capture)) {
            for (RawEvent e = r.next(); e != null; e = r.next()) {
                offsets.add(e.offset());
            }
        }
        return offsets;
    }

    private Path sampleCopy(String name, boolean gzip) {
        Path out = dir.resolve(name);
        CliRun r = gzip ? saker("convert", ConformanceCaptures.capture("libs/sample.scap").toString(), out.toString(), "--gzip")
                : saker("convert", ConformanceCaptures.capture("libs/sample.scap").toString(), out.toString());
        assertThat(r.exitCode()).isZero();
        return out;
    }

    @Test
    void writesPlainOutputByDefault() throws IOException {
        Path out = sampleCopy("plain.scap", false);
        assertThat(Files.readAllBytes(out)).startsWith(0x0A, 0x0D, 0x0D, 0x0A);
    }

    @Test
    void gzipOptionCompressesTheOutput() throws IOException {
        Path out = sampleCopy("gz.scap", true);
        assertThat(Files.readAllBytes(out)).startsWith(0x1f, 0x8b);
        assertThat(eventOffsets(out)).hasSize(572);
    }

    @Test
    void successfulConversionPrintsNothingOnStderr() {
        Path out = dir.resolve("quiet.scap");
        CliRun r = saker("convert", ConformanceCaptures.capture("libs/test_ipv6_client.scap").toString(), out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.stderr()).isEmpty();
    }

    /** Cuts a plain capture 10 bytes into the block of event {@code k}. */
    private Path truncatedInsideEvent(Path plain, int k) throws IOException {
        long cut = eventOffsets(plain).get(k) + 10;
        Path damaged = dir.resolve("damaged.scap");
        Files.write(damaged, Arrays.copyOf(Files.readAllBytes(plain), (int) cut));
        return damaged;
    }

    @Test
    void damagedInputFailsWithOneLineNamingTheOffset() throws IOException {
        Path plain = sampleCopy("whole.scap", false);
        long damagedBlock = eventOffsets(plain).get(300);
        CliRun r = saker("convert", truncatedInsideEvent(plain, 300).toString(), dir.resolve("out.scap").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().lines()).singleElement().asString()
                .startsWith("saker: damaged capture at byte offset " + damagedBlock + ": ");
    }

    @Test
    void eventsBeforeTheDamageAreStillWritten() throws IOException {
        Path plain = sampleCopy("whole.scap", false);
        Path out = dir.resolve("out.scap");
        saker("convert", truncatedInsideEvent(plain, 300).toString(), out.toString());
        assertThat(eventOffsets(out)).hasSize(300);
    }

    @Test
    void gzipInputThatBreaksOffFailsWithTheOffsetAndKeepsEarlierEvents() throws IOException {
        // A gzip capture whose events make up most of the file, so the cut falls among events.
        Path gz = ConformanceCaptures.capture("falco-psp/run_as_user_0_container.scap");
        Path damaged = dir.resolve("damaged.gz");
        byte[] all = Files.readAllBytes(gz);
        Files.write(damaged, Arrays.copyOf(all, all.length * 3 / 4));
        Path out = dir.resolve("out.scap");
        CliRun r = saker("convert", damaged.toString(), out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().lines()).singleElement().asString().matches("saker: damaged capture at byte offset \\d+: .*");
        assertThat(eventOffsets(out)).isNotEmpty();
    }

    @Test
    void inputThatIsNoCaptureFailsWithoutWritingOutput() throws IOException {
        Path junk = dir.resolve("junk.scap");
        Files.writeString(junk, "this is not a capture");
        Path out = dir.resolve("out.scap");
        CliRun r = saker("convert", junk.toString(), out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("saker: not a libscap capture: no section header block at the start"
                + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void convertingAFileOntoItselfIsRefused() throws IOException {
        Path plain = sampleCopy("self.scap", false);
        byte[] before = Files.readAllBytes(plain);
        CliRun r = saker("convert", plain.toString(), plain.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("saker: refusing to convert");
        assertThat(Files.readAllBytes(plain)).isEqualTo(before);
    }

    private Path merged() throws IOException {
        Path a = dir.resolve("a.scap");
        Path b = dir.resolve("b.scap");
        assertThat(saker("convert", ConformanceCaptures.capture("libs/test_ipv6_client.scap").toString(), a.toString())
                .exitCode()).isZero();
        assertThat(saker("convert", ConformanceCaptures.capture("libs/single_ipv6_conn.scap").toString(), b.toString())
                .exitCode()).isZero();
        Path merged = dir.resolve("merged.scap");
        Files.write(merged, Files.readAllBytes(a));
        Files.write(merged, Files.readAllBytes(b), java.nio.file.StandardOpenOption.APPEND);
        return merged;
    }

    @Test
    void mergedCaptureKeepsTheEventsOfEverySection() throws IOException {
        Path out = dir.resolve("out.scap");
        assertThat(saker("convert", merged().toString(), out.toString()).exitCode()).isZero();
        assertThat(eventOffsets(out)).hasSize(326 + 1728);
    }

    @Test
    void mergedCaptureConversionSaysLaterSectionsLostTheirMetadata() throws IOException {
        CliRun r = saker("convert", merged().toString(), dir.resolve("out.scap").toString());
        assertThat(r.stderr().lines()).singleElement().asString()
                .endsWith("has 2 sections; only the first section's metadata was written");
    }

    @Test
    void damageIsReportedAsACaptureFormatError() {
        // The handler's one-line format is what the damage tests above rely on.
        assertThat(UserErrorHandler.describe(new CaptureFormatException(12, "x"))).isEqualTo("damaged capture at byte offset 12: x");
    }
}
