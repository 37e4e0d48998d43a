package dev.saker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `saker read` on two threads (the hidden --chunk-events N forces it; large plain files get it by
 * default on machines with 4 cores or more) prints what the one-thread path prints, with its errors
 * and notes; which path a capture gets is decided by content, size and cores.
 */
class ReadChunkedTest {
    @TempDir
    Path dir;

    @Test
    void twoThreadsPrintWhatOneThreadPrintsWithEveryOption() throws IOException {
        String sample = plainCopy("libs/sample.scap").toString();
        String nginx = ConformanceCaptures.capture("sysdig-examples/example5-nginx.scap").toString();
        List<List<String>> runs = List.of(
                List.of(sample),
                List.of("--as", "falco", sample),
                List.of("-n", "1234", sample),
                List.of("-j", "-n", "3000", nginx),
                List.of("-p", "%evt.num %proc.name %fd.name %evt.res", nginx),
                List.of(nginx, "evt.type in (accept, read, writev, close) and fd.type=ipv4"));
        for (List<String> args : runs) {
            CliRun one = read("0", args);
            assertThat(one.exitCode()).as(args.toString()).isZero();
            for (String chunk : new String[] {"1", "5", "100"}) {
                CliRun two = read(chunk, args);
                assertThat(two).as(args + " in chunks of " + chunk).isEqualTo(one);
            }
        }
    }

    @Test
    void damageIsReportedAfterTheSameLines() throws IOException {
        byte[] plain = Files.readAllBytes(plainCopy("libs/single_ipv6_conn.scap"));
        Path cut = dir.resolve("cut.scap");
        Files.write(cut, java.util.Arrays.copyOf(plain, plain.length - 3523));
        CliRun one = read("0", List.of(cut.toString()));
        CliRun two = read("7", List.of(cut.toString()));
        assertThat(one.exitCode()).isEqualTo(2);
        assertThat(two).isEqualTo(one);
    }

    @Test
    void onlyLargePlainCapturesGoToTwoThreads() throws IOException {
        Path big = dir.resolve("big.scap");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ReadCommand.CHUNKED_MIN_BYTES);   // sparse: costs no disk
        }
        Path bigGzip = dir.resolve("big.scap.gz");
        try (RandomAccessFile f = new RandomAccessFile(bigGzip.toFile(), "rw")) {
            f.write(new byte[] {0x1F, (byte) 0x8B});
            f.setLength(ReadCommand.CHUNKED_MIN_BYTES);
        }
        assertThat(ReadCommand.choosesChunks(big, 4)).isTrue();
        assertThat(ReadCommand.choosesChunks(big, 2)).as("two cores: one thread is as fast").isFalse();
        assertThat(ReadCommand.choosesChunks(big, 1)).as("one core").isFalse();
        assertThat(ReadCommand.choosesChunks(bigGzip, 4)).as("gzip: each thread would inflate it").isFalse();
        assertThat(ReadCommand.choosesChunks(ConformanceCaptures.capture("libs/sample.scap"), 4)).isFalse();
        assertThat(ReadCommand.choosesChunks(dir.resolve("missing.scap"), 4)).isFalse();
    }

    private static CliRun read(String chunk, List<String> args) {
        String[] all = new String[args.size() + 3];
        all[0] = "read";
        all[1] = "--chunk-events";
        all[2] = chunk;
        for (int i = 0; i < args.size(); i++) {
            all[i + 3] = args.get(i);
        }
        return CliRun.of(all);
    }

    private Path plainCopy(String capture) throws IOException {
        Path src = ConformanceCaptures.capture(capture);
        Path out = dir.resolve(src.getFileName());
        byte[] raw = Files.readAllBytes(src);
        if (raw.length > 1 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B) {
            try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(src))) {
                raw = in.readAllBytes();
            }
        }
        return Files.write(out, raw);
    }
}
