package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.SysdigOracle;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The values the filter bar completes for fields the index keeps and for the others, against sysdig. */
class CaptureValuesTest {

    private static TreeSet<String> sysdigValues(Path capture, String field) {
        TreeSet<String> out = new TreeSet<>();
        for (String line : SysdigOracle.print(capture, "-p", "%" + field, field + " exists").split("\n")) {
            if (!line.isEmpty() && !line.equals("<NA>")) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void fieldsTheIndexDoesNotKeepTakeTheValuesSysdigPrints() throws Exception {
        Path capture = ConformanceCaptures.capture("libs/curl_google.scap");
        CaptureValues values = new CaptureValues(CaptureIndexer.build(capture));
        for (String field : List.of("evt.type", "user.name", "proc.exe")) {
            List<String> v = values.of(field);
            assertThat(v).as(field).isSorted().isNotEmpty();
            assertThat(new TreeSet<>(v)).as(field).isEqualTo(sysdigValues(capture, field));
        }
        assertThat(values.of("evt.type")).contains("open", "connect", "execve");
        // asked again: the kept list, not a second pass
        assertThat(values.of("evt.type")).isSameAs(values.of("evt.type"));
    }

    @Test
    void containerIdsOfAContainerCapture() throws Exception {
        Path capture = ConformanceCaptures.capture("falco-psp/run_as_user_0_container.scap");
        CaptureValues values = new CaptureValues(CaptureIndexer.build(capture));
        TreeSet<String> expected = sysdigValues(capture, "container.id");
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(new TreeSet<>(values.of("container.id"))).isEqualTo(expected);
    }

    @Test
    void fieldsTheIndexKeepsComeFromItAndNumbersOrUnknownNamesGiveNothing() throws Exception {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/curl_google.scap"));
        CaptureValues values = new CaptureValues(index);
        assertThat(values.of("proc.name")).isEqualTo(index.threadNames()).contains("curl");
        assertThat(values.of("fd.name")).isEqualTo(index.fdNames());
        assertThat(values.of("evt.num")).isEmpty();
        assertThat(values.of("proc.nme")).isEmpty();
    }
}
