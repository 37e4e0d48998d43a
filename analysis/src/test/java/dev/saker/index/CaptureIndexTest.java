package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureIndexTest {

    @Test
    void everyEventIsFoundByItsNumber() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/curl_google.scap"));
        for (int row = 0; row < index.size(); row++) {
            assertThat(index.rowOfEvent(index.number(row))).isEqualTo(row);
        }
        assertThat(index.rowOfEvent(0)).isEqualTo(-1);
        assertThat(index.rowOfEvent(index.number(index.size() - 1) + 1)).isEqualTo(-1);
        assertThat(index.complete()).isTrue();
        assertThat(index.problem()).isNull();
    }

    @Test
    void progressIsReportedAndEndsAtTheFullSize() throws IOException {
        Path capture = ConformanceCaptures.capture("libs/curl_google.scap");
        CaptureIndex index = CaptureIndexer.create(capture);
        List<Integer> reports = new ArrayList<>();
        CaptureIndexer.fill(index, (rows, f) -> reports.add(rows), () -> false);
        assertThat(reports).isNotEmpty().isSorted();
        assertThat(reports.get(reports.size() - 1)).isEqualTo(index.size());
        // a screenful first, so the table shows rows before the first 4096 are indexed
        assertThat(reports.get(0)).isEqualTo(CaptureIndexer.FIRST_PAGE);
    }

    @Test
    void aTruncatedCaptureKeepsTheRowsBeforeTheDamageAndSaysWhy() throws IOException {
        Path whole = ConformanceCaptures.capture("libs/curl_google.scap");
        CaptureIndex full = CaptureIndexer.build(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.createTempFile("saker-cut", ".scap");
        try {
            Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
            CaptureIndex index = CaptureIndexer.build(cut);
            assertThat(index.complete()).isTrue();
            assertThat(index.size()).isPositive().isLessThan(full.size());
            assertThat(index.problem()).isNotBlank();
            for (int row = 0; row < index.size(); row++) {
                assertThat(index.number(row)).isEqualTo(full.number(row));
            }
        } finally {
            Files.delete(cut);
        }
    }

    @Test
    void aFileThatIsNotACaptureIsAnError() throws IOException {
        Path junk = Files.createTempFile("saker-junk", ".scap");
        try {
            Files.writeString(junk, "hello");
            assertThatThrownBy(() -> CaptureIndexer.build(junk)).isInstanceOf(IOException.class);
        } finally {
            Files.delete(junk);
        }
    }

    @Test
    void processesKnowTheirAncestryAndThreads() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/curl_google.scap"));
        ProcessTable t = index.processes();
        ProcessRecord curl = t.all().stream().filter(p -> p.comm().equals("curl")).findFirst().orElseThrow();
        assertThat(t.ancestry(curl.pid())).extracting(ProcessRecord::comm)
                .containsExactly("curl", "bash", "sshd", "sshd", "sshd", "systemd");
        assertThat(t.pidOfThread(curl.pid())).isEqualTo(curl.pid());
        assertThat(t.roots()).extracting(ProcessRecord::comm).containsExactly("systemd");
        assertThat(t.subtree(t.roots().get(0).pid())).hasSize(t.all().size());
        // every shown event with a thread is counted on exactly one process
        long counted = t.all().stream().mapToLong(ProcessRecord::events).sum();
        long withThread = java.util.stream.IntStream.range(0, index.size()).filter(r -> index.threadName(r) != null).count();
        assertThat(counted).isEqualTo(withThread);
    }

    @Test
    void timeBinsCountEveryEventAndEveryDetectionOnce() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/sample.scap"));
        TimeBins bins = TimeBins.of(index, List.of(), 50);
        assertThat(java.util.Arrays.stream(bins.events()).sum()).isEqualTo(index.size());
        assertThat(bins.events()).hasSizeBetween(10, 50);
        assertThat(bins.end()).isGreaterThan(index.time(index.size() - 1));
        assertThat(bins.binStart(bins.events().length - 1)).isLessThanOrEqualTo(index.time(index.size() - 1));
    }

    @Test
    void containerEventsWithoutATimeDoNotMoveTheTimeOrigin() throws IOException {
        // sysdig writes two container events with ts 0 at the start; sysdig's first printed event is
        // #53 at 19:44:49.709786646 and its last #355 at 19:44:50.710913221 (TZ=UTC sysdig -r)
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("sysdig-examples/example5-httpd.scap"));
        assertThat(index.time(0)).isZero();
        TimeBins bins = TimeBins.of(index, List.of(), 200);
        assertThat(bins.start()).isEqualTo(1_512_416_689_709_786_646L);
        assertThat(bins.span().last()).isEqualTo(1_512_416_690_710_913_221L);
        assertThat(bins.span().untimed()).isEqualTo(2);
        assertThat(bins.width()).isEqualTo(10_000_000L);
        assertThat(bins.rateLabel()).isEqualTo("events per 10 ms");
        assertThat(bins.events()).hasSize(101);
        assertThat(java.util.Arrays.stream(bins.events()).sum()).isEqualTo(index.size() - 2);
        assertThat(bins.leftOut()).isEqualTo("not drawn: 2 events without a time");
        assertThat(bins.leftOutDetail()).startsWith("2 events with timestamp 0");
    }

    @Test
    void aOneEventCaptureGetsMicrosecondBins() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("falco-psp/privileged.scap"));
        assertThat(index.size()).isEqualTo(1);
        TimeBins bins = TimeBins.of(index, List.of(), 200);
        assertThat(bins.start()).isEqualTo(index.time(0));
        assertThat(bins.rateLabel()).isEqualTo("events per 1 us");
        assertThat(bins.events()).hasSize(10);
        assertThat(bins.events()[0]).isEqualTo(1);
        assertThat(bins.leftOut()).isEmpty();
    }
}
