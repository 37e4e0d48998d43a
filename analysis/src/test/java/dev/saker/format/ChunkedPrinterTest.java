package dev.saker.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.fields.LibsEdition;
import dev.saker.filter.CompileResult;
import dev.saker.filter.FilterCompiler;
import dev.saker.scap.ConformanceCaptures;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-worker path of {@code saker read} prints exactly the bytes of the sequential one, on every
 * conformance capture: chunk sizes of 1, 2 and 7 events put a chunk boundary next to every event
 * (process, fd, container and user events included, so a worker that skipped formatting a chunk
 * must have tracked every state change in it), in both editions, for the default line, {@code -p}
 * formats with and without '*', JSON, filters, {@code -n} limits and damaged files.
 */
class ChunkedPrinterTest {
    private static TimeZone savedZone;

    /** sysdig's default line, as saker read uses it. */
    private static final String DEFAULT_LINE =
            "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";
    private static final int[] CHUNKS = {1, 2, 7};

    @TempDir
    Path tmp;

    @BeforeAll
    static void useUtc() {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(savedZone);
    }

    private static Stream<Path> captures() {
        return ConformanceCaptures.captures().stream();
    }

    @TestFactory
    Stream<DynamicTest> defaultLineInBothEditions() {
        return captures().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            for (LibsEdition edition : LibsEdition.values()) {
                same(c, FieldOutput.text(DEFAULT_LINE), edition, -1, e -> true);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> fieldFormatsAndJson() {
        return captures().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            same(c, FieldOutput.text("*" + FieldOutputConformanceTest.FIELDS), LibsEdition.SYSDIG_2022, -1, e -> true);
            // without '*': events lacking a value are left out, so chunks hold different numbers of lines
            same(c, FieldOutput.text(FieldOutputConformanceTest.FIELDS), LibsEdition.SYSDIG_2022, -1, e -> true);
            same(c, FieldOutput.text("*" + FieldOutputConformanceTest.MORE_FIELDS), LibsEdition.CURRENT, -1, e -> true);
            same(c, FieldOutput.json(null), LibsEdition.SYSDIG_2022, -1, e -> true);
        }));
    }

    @TestFactory
    Stream<DynamicTest> filters() {
        List<String> conditions = List.of("evt.type in (open, openat, close, execve, clone, connect, accept)",
                "fd.type=ipv4 or fd.type=ipv6", "proc.name=curl and evt.dir=<", "container.id!=host",
                "user.name=root and not fd.name startswith /proc");
        return captures().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            for (String condition : conditions) {
                CompileResult compiled = FilterCompiler.compile(condition, "filter", RenderedFields.registry());
                assertThat(compiled.ok()).as(condition).isTrue();
                same(c, FieldOutput.text(DEFAULT_LINE), LibsEdition.SYSDIG_2022, -1, compiled.filter()::matches);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> limits() {
        return captures().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            long events = PrintRun.reference(c, FieldOutput.text("*%evt.num"), LibsEdition.SYSDIG_2022, -1, e -> true)
                    .printed().lines();
            for (long limit : new long[] {0, 1, 2, 3, events / 3, events / 2 + 1, events - 1, events, events + 5}) {
                same(c, FieldOutput.text(DEFAULT_LINE), LibsEdition.SYSDIG_2022, limit, e -> true);
            }
        }));
    }

    /** A truncated file: the same lines before the damage, then the same error. */
    @TestFactory
    Stream<DynamicTest> damage() {
        return captures().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            for (Path damaged : PrintRun.truncations(c, tmp)) {
                same(damaged, FieldOutput.text(DEFAULT_LINE), LibsEdition.SYSDIG_2022, -1, e -> true);
            }
        }));
    }

    private static void same(Path capture, FieldOutput output, LibsEdition edition, long limit,
                             Predicate<EventContext> shown) {
        PrintRun want = PrintRun.reference(capture, output, edition, limit, shown);
        for (int chunk : CHUNKS) {
            PrintRun got = PrintRun.of(out -> output.writeChunked(capture, edition, out, limit, shown, chunk));
            got.assertSameAs(want, capture.getFileName() + ", " + edition + ", limit " + limit + ", chunks of " + chunk);
        }
    }
}
