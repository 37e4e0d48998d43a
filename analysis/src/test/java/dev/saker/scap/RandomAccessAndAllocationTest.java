package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader's promises to the workbench: every event can be re-read by offset, and reading allocates nothing per event. */
class RandomAccessAndAllocationTest {

    @Test
    void everyEventReReadByItsOffsetHasTheSameBytes() throws IOException {
        for (Path capture : List.of(ConformanceCaptures.capture("libs/curl_google.scap"),
                ConformanceCaptures.capture("libs/single_ipv6_conn.scap"),
                ConformanceCaptures.capture("falco-psp/run_as_user_0_container.scap"))) {
            List<Long> offsets = new ArrayList<>();
            List<byte[]> bytes = new ArrayList<>();
            try (ScapReader r = ScapReader.open(capture)) {
                for (RawEvent e = r.next(); e != null; e = r.next()) {
                    offsets.add(e.offset());
                    bytes.add(e.eventBytes());
                }
            }
            try (ScapReader r = ScapReader.open(capture)) {
                for (int i = offsets.size() - 1; i >= 0; i -= 7) {
                    RawEvent e = r.readAt(offsets.get(i));
                    assertThat(e.offset()).isEqualTo(offsets.get(i));
                    assertThat(Arrays.equals(e.eventBytes(), bytes.get(i))).as("event %d of %s", i, capture).isTrue();
                }
            }
        }
    }

    @Test
    void readingEventsAllocatesNothingPerEvent() throws Exception {
        Path capture = ConformanceCaptures.capture("falco-psp/run_as_user_0_container.scap");
        long events = read(capture, Long.MAX_VALUE);
        read(capture, 1);
        long all = Allocations.allocatedWhile(() -> read(capture, Long.MAX_VALUE));
        long firstOnly = Allocations.allocatedWhile(() -> read(capture, 1));
        // Opening a reader allocates its window, inflater and metadata records; the events are views.
        assertThat((all - firstOnly) / (events - 1)).as("bytes allocated per event").isLessThan(8);
    }

    private static long read(Path capture, long limit) throws IOException {
        long n = 0;
        try (ScapReader r = ScapReader.open(capture)) {
            while (n < limit && r.next() != null) {
                n++;
            }
        }
        return n;
    }
}
