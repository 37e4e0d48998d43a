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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code saker read}'s byte path ({@link FieldOutput#writeBytes}: {@link ByteLineFormat},
 * {@link ArgBytes}) prints exactly the UTF-8 of the StringBuilder path
 * ({@link FieldOutput#write(Path, LibsEdition, Appendable, long, Predicate)}), which the conformance
 * tests hold against sysdig: on every conformance capture, in both editions and two time zones,
 * for the default line, {@code -p} formats with and without '*' and with widths, JSON, filters,
 * {@code -n} limits and truncated files (same lines before the damage, same error).
 */
class ByteLinesTest {
    private static final String DEFAULT_LINE =
            "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";
    /** The default line's fields with widths, arguments and neighbours, which the byte path must not take as its own. */
    private static final String ODD_LINE = "*%evt.num|%12evt.outputtime|%3evt.cpu|%6proc.name|%evt.time|%evt.type|"
            + "%4evt.dir|%evt.arg[0]|%evt.arg.fd|%evt.args|%30evt.info|%thread.tid|%evt.rawtime|%fd.name";

    private TimeZone savedZone;

    @TempDir
    Path tmp;

    @BeforeEach
    void useUtc() {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(savedZone);
    }

    private static Stream<Path> captures() {
        return ConformanceCaptures.captures().stream();
    }

    @TestFactory
    Stream<DynamicTest> defaultLineInBothEditionsAndTwoZones() {
        return captures().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            for (LibsEdition edition : LibsEdition.values()) {
                assertThat(same(c, FieldOutput.text(DEFAULT_LINE), edition, -1, e -> true).bytes()).isNotEmpty();
            }
            // a zone half an hour off UTC, so the per-second "HH:MM:SS" texts are the zone's
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            same(c, FieldOutput.text(DEFAULT_LINE), LibsEdition.SYSDIG_2022, -1, e -> true);
        }));
    }

    @TestFactory
    Stream<DynamicTest> fieldFormatsWidthsAndJson() {
        return captures().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            same(c, FieldOutput.text("*" + FieldOutputConformanceTest.FIELDS), LibsEdition.SYSDIG_2022, -1, e -> true);
            same(c, FieldOutput.text(FieldOutputConformanceTest.FIELDS), LibsEdition.SYSDIG_2022, -1, e -> true);
            same(c, FieldOutput.text("*" + FieldOutputConformanceTest.MORE_FIELDS), LibsEdition.CURRENT, -1, e -> true);
            same(c, FieldOutput.text(ODD_LINE), LibsEdition.SYSDIG_2022, -1, e -> true);
            same(c, FieldOutput.text(ODD_LINE.substring(1)), LibsEdition.CURRENT, -1, e -> true);
            // without '*' and a field many events lack: lines dropped after the fast fields were written
            same(c, FieldOutput.text("%evt.num %evt.outputtime %proc.name %evt.info %fd.name"), LibsEdition.SYSDIG_2022,
                    -1, e -> true);
            same(c, FieldOutput.json(null), LibsEdition.SYSDIG_2022, -1, e -> true);
            same(c, FieldOutput.json("%evt.num %proc.name %evt.info"), LibsEdition.CURRENT, -1, e -> true);
        }));
    }

    @TestFactory
    Stream<DynamicTest> filtersAndLimits() {
        List<String> conditions = List.of("evt.type in (open, openat, close, execve, clone, connect, accept)",
                "fd.type=ipv4 or fd.type=ipv6", "proc.name=curl and evt.dir=<");
        return captures().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            for (String condition : conditions) {
                CompileResult compiled = FilterCompiler.compile(condition, "filter", RenderedFields.registry());
                assertThat(compiled.ok()).as(condition).isTrue();
                same(c, FieldOutput.text(DEFAULT_LINE), LibsEdition.SYSDIG_2022, -1, compiled.filter()::matches);
            }
            for (long limit : new long[] {0, 1, 2, 100, 1000}) {
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

    private static PrintRun same(Path capture, FieldOutput output, LibsEdition edition, long limit,
                                 Predicate<EventContext> shown) {
        PrintRun want = PrintRun.reference(capture, output, edition, limit, shown);
        PrintRun got = PrintRun.of(out -> output.writeBytes(capture, edition, out, limit, shown));
        got.assertSameAs(want, capture.getFileName() + ", " + edition + ", limit " + limit);
        return got;
    }
}
