package dev.saker.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.fields.LibsEdition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * What one way of printing a capture produced: the bytes, the count and the error it ended with.
 * The tests of {@code saker read}'s faster paths (bytes, two workers) hold them to {@link #reference},
 * the StringBuilder path the conformance tests hold against sysdig.
 */
record PrintRun(byte[] bytes, FieldOutput.Printed printed, String error) {
    /** One way of printing, into {@code out}. */
    @FunctionalInterface
    interface Printing {
        FieldOutput.Printed print(OutputStream out) throws IOException;
    }

    static PrintRun of(Printing printing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FieldOutput.Printed printed = null;
        String error = null;
        try {
            printed = printing.print(out);
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new PrintRun(out.toByteArray(), printed, error);
    }

    /** The StringBuilder path's run, as UTF-8. */
    static PrintRun reference(Path capture, FieldOutput output, LibsEdition edition, long limit,
                              Predicate<EventContext> shown) {
        return of(out -> {
            StringBuilder text = new StringBuilder();
            try {
                return output.write(capture, edition, text, limit, shown);
            } finally {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** The same bytes (compared as text first, for a readable diff), count and error as {@code want}. */
    void assertSameAs(PrintRun want, String where) {
        assertThat(new String(bytes, StandardCharsets.UTF_8)).as(where)
                .isEqualTo(new String(want.bytes, StandardCharsets.UTF_8));
        assertThat(bytes).as(where).isEqualTo(want.bytes);
        assertThat(printed).as(where).isEqualTo(want.printed);
        assertThat(error).as(where).isEqualTo(want.error);
    }

    /** The capture cut at a third, past the middle and 5 bytes before its end, written under {@code dir}. */
    static List<Path> truncations(Path capture, Path dir) throws IOException {
        byte[] plain = plain(capture);
        List<Path> out = new ArrayList<>();
        for (int cut : new int[] {plain.length / 3, plain.length / 2 + 17, plain.length - 5}) {
            Path damaged = dir.resolve("cut-" + cut + "-" + capture.getFileName());
            Files.write(damaged, Arrays.copyOf(plain, cut));
            out.add(damaged);
        }
        return out;
    }

    private static byte[] plain(Path capture) throws IOException {
        byte[] raw = Files.readAllBytes(capture);
        if (raw.length > 1 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(capture))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }
}
