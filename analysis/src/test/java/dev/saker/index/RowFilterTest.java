package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saker.fields.LibsEdition;
import dev.saker.format.FieldOutput;
import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowFilterTest {
    private static final String NUM = "%evt.num";

    /** Event numbers `saker read` prints for a condition (the same compiled filter, the sequential path). */
    private static List<Long> readNumbers(Path capture, String condition) throws IOException {
        StringBuilder out = new StringBuilder();
        FieldOutput.text(NUM).write(capture, LibsEdition.CURRENT, out, -1, RowFilter.compile(condition).filter()::matches);
        return out.toString().lines().map(Long::parseLong).toList();
    }

    private static List<Long> numbers(CaptureIndex index, RowSet set) {
        return java.util.stream.IntStream.range(0, set.size()).mapToObj(i -> index.number(set.row(i))).toList();
    }

    @Test
    void aConditionSelectsTheEventsSakerReadPrintsForIt() throws IOException {
        Path capture = ConformanceCaptures.capture("libs/sample.scap");
        CaptureIndex index = CaptureIndexer.build(capture);
        for (String c : List.of("evt.type=read", "proc.name=containerd and evt.dir=<", "fd.typechar in (u, p)", "not evt.type=switch",
                "evt.type in (read, write) and evt.dir=<")) {
            List<Long> expected = readNumbers(capture, c);
            RowSet set = RowFilter.run(index, RowQuery.ALL.withCondition(c), () -> false);
            assertThat(numbers(index, set)).as(c).isEqualTo(expected).isNotEmpty();
        }
    }

    /**
     * Conditions that name event types let the pass skip the fd look-ups and the evaluation on events
     * of other types (they still update the state): the rows must stay exactly saker read's, on every
     * capture, including fd fields that depend on what earlier events of other types did.
     */
    @Test
    void conditionsRestrictedToEventTypesSelectWhatSakerReadPrintsOnEveryCapture() throws IOException {
        List<String> conditions = List.of("evt.type in (open, openat) and fd.name contains /etc",
                "evt.type in (read, write, close) and fd.num >= 0 and fd.typechar in (f, 4, 6, u)",
                "(evt.type=openat or evt.type=connect) and fd.name exists", "evt.type=execve and evt.dir=< and proc.name exists",
                "evt.type in (read, write) and (fd.name contains / or proc.name exists)", "evt.type=close and evt.type=read",
                "evt.type=switch or evt.type=procexit");
        long matched = 0;
        for (Path capture : ConformanceCaptures.captures()) {
            CaptureIndex index = CaptureIndexer.build(capture);
            for (String c : conditions) {
                List<Long> expected = readNumbers(capture, c);
                RowSet set = RowFilter.run(index, RowQuery.ALL.withCondition(c), () -> false);
                assertThat(numbers(index, set)).as(capture + ": " + c).isEqualTo(expected);
                matched += set.size();
            }
        }
        assertThat(matched).isPositive();
    }

    @Test
    void onlyChecksEveryMatchMustPassNarrowTheEventTypes() {
        assertThat(types("evt.type in (open, openat) and fd.name contains /etc")).containsExactlyInAnyOrder("open", "openat");
        assertThat(types("evt.type=open or evt.type in (close, read)")).containsExactlyInAnyOrder("open", "close", "read");
        assertThat(types("evt.type in (open, close) and (evt.type=close or evt.type=read)")).containsExactly("close");
        assertThat(types("evt.type=open or fd.num=3")).isNull();
        assertThat(types("not evt.type=open")).isNull();
        assertThat(types("evt.type!=open")).isNull();
        assertThat(types("evt.type contains open")).isNull();
        assertThat(types("evt.type = oneof (open, close)")).isNull();
        assertThat(types("fd.name=/etc/passwd")).isNull();
    }

    private static Set<String> types(String condition) {
        return FilterEventTypes.required(dev.saker.filter.Condition.parse(condition, "t").expr());
    }

    @Test
    void aProcessSelectsTheSameEventsAsItsPidCondition() throws IOException {
        Path capture = ConformanceCaptures.capture("libs/sample.scap");
        CaptureIndex index = CaptureIndexer.build(capture);
        ProcessRecord sysdig = index.processes().all().stream().filter(p -> p.comm().equals("sysdig")).findFirst().orElseThrow();
        RowSet byPid = RowFilter.run(index, RowQuery.ALL.withPids(Set.of(sysdig.pid())), () -> false);
        assertThat(numbers(index, byPid)).isEqualTo(readNumbers(capture, "proc.pid=" + sysdig.pid()));
        assertThat((long) byPid.size()).isEqualTo(sysdig.events());
    }

    @Test
    void aTimeWindowIsInclusiveAndNeedsNoPass() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/sample.scap"));
        long from = index.time(100);
        long to = index.time(200);
        RowSet set = RowFilter.run(index, RowQuery.ALL.withWindow(from, to), () -> false);
        assertThat(set.size()).isPositive();
        for (int i = 0; i < index.size(); i++) {
            boolean inside = index.time(i) >= from && index.time(i) <= to;
            assertThat(set.positionOf(i) >= 0).as("row %d", i).isEqualTo(inside);
        }
    }

    @Test
    void conditionAndWindowCombine() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/sample.scap"));
        long from = index.time(100);
        long to = index.time(400);
        RowSet both = RowFilter.run(index, new RowQuery("evt.dir=<", Set.of(), from, to), () -> false);
        RowSet cond = RowFilter.run(index, RowQuery.ALL.withCondition("evt.dir=<"), () -> false);
        long expected = java.util.stream.IntStream.range(0, cond.size()).map(cond::row)
                .filter(r -> index.time(r) >= from && index.time(r) <= to).count();
        assertThat((long) both.size()).isEqualTo(expected).isPositive();
    }

    @Test
    void anInvalidConditionIsRefusedWithItsProblem() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/sample.scap"));
        assertThatThrownBy(() -> RowFilter.run(index, RowQuery.ALL.withCondition("proc.nme=x"), () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proc.nme");
    }

    @Test
    void aCancelledRunReturnsNull() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/sample.scap"));
        assertThat(RowFilter.run(index, RowQuery.ALL.withCondition("evt.dir=<"), () -> true)).isNull();
    }
}
