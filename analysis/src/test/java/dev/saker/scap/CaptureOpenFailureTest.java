package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files that are not captures fail at open, with one line that says so. */
class CaptureOpenFailureTest {
    private static final String TEXT = "#!/bin/sh\necho this is a shell script, not a capture\n";

    @TempDir
    Path dir;

    private CaptureFormatException openFails(byte[] bytes) throws IOException {
        Path f = dir.resolve("input.scap");
        Files.write(f, bytes);
        try (ScapReader r = ScapReader.open(f)) {
            throw new AssertionError("opened a non-capture; first event " + r.next());
        } catch (CaptureFormatException e) {
            assertThat(e.getMessage()).doesNotContain("\n").isNotBlank();
            assertThat(e.offset()).isZero();
            return e;
        }
    }

    @Test
    void emptyFileFailsAtOpenSayingItIsEmpty() throws IOException {
        assertThat(openFails(new byte[0]).getMessage()).isEqualTo("not a libscap capture: the file is empty");
    }

    @Test
    void textFileFailsAtOpenAsNotACapture() throws IOException {
        assertThat(openFails(TEXT.getBytes(StandardCharsets.US_ASCII)).getMessage())
                .isEqualTo("not a libscap capture: no section header block at the start");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 8, 27, 28, 4096, 200_000})
    void randomBytesFailAtOpenAsNotACapture(int size) throws IOException {
        byte[] noise = new byte[size];
        new Random(size).nextBytes(noise);
        noise[0] = 0x42; // not gzip, not a section header
        assertThat(openFails(noise).getMessage()).startsWith("not a libscap capture:");
    }

    @Test
    void gzipOfTextFailsAtOpenAsNotACaptureAfterDecompression() throws IOException {
        assertThat(openFails(CaptureBytes.gzip(TEXT.getBytes(StandardCharsets.US_ASCII))).getMessage())
                .isEqualTo("not a libscap capture: no section header block at the start (after gzip decompression)");
    }

    @Test
    void gzipOfNothingFailsAtOpenAsAnEmptyCapture() throws IOException {
        assertThat(openFails(CaptureBytes.gzip(new byte[0])).getMessage())
                .isEqualTo("not a libscap capture: the file is empty (after gzip decompression)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1f8b", "1f8b08", "1f8b0800000000", "1f8b630000000000000000"})
    void gzipMagicWithoutAGzipHeaderFailsAtOpenNamingTheGzipHeader(String hex) throws IOException {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        assertThat(openFails(bytes).getMessage()).startsWith("not a libscap capture: gzip-compressed, but the gzip header");
    }

    @Test
    void sectionHeaderWithTheWrongByteOrderMagicFailsAtOpenNamingTheMagic() throws IOException {
        // A big-endian writer's magic, which libscap does not read either.
        byte[] shb = java.util.HexFormat.of().parseHex("0a0d0d0a1c0000001a2b3c4d01000200ffffffffffffffff1c000000");
        assertThat(openFails(shb).getMessage()).contains("byte order magic");
    }

    @Test
    void streamReaderRefusesRandomAccessWithAnIOException() throws IOException {
        byte[] shb = java.util.HexFormat.of().parseHex("0a0d0d0a1c0000004d3c2b1a01000200ffffffffffffffff1c000000");
        try (ScapReader r = ScapReader.open(new ByteArrayInputStream(shb), shb.length, MetadataListener.NONE)) {
            assertThat(r.next()).isNull();
            assertThatThrownBy(() -> r.readAt(0)).isInstanceOf(IOException.class)
                    .isNotInstanceOf(CaptureFormatException.class);
        }
    }
}
