package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class EventDetailsTest {

    @Test
    void everyParameterOfTheInfoLineIsListedWithItsValue() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/curl_google.scap"));
        try (EventRows rows = new EventRows(index)) {
            int checked = 0;
            for (int row = 0; row < index.size(); row++) {
                EventRow r = rows.row(row);
                if (!r.type().equals("open") || !r.direction().equals("<")) {
                    continue;
                }
                EventDetails d = EventDetails.of(rows, row);
                assertThat(d.number()).isEqualTo(r.number());
                assertThat(d.params()).extracting(EventDetails.Param::name).startsWith("fd", "name", "flags");
                EventDetails.Param fd = d.params().get(0);
                // the info line shows fd=N(<type>name): the raw number and the resolved text
                assertThat(r.info()).startsWith("fd=" + fd.raw() + "(" + fd.text() + ")");
                assertThat(d.ancestry().get(0).comm()).isEqualTo("curl");
                checked++;
            }
            assertThat(checked).isPositive();
        }
    }

    @Test
    void hexDumpShowsOffsetsHexAndText() {
        byte[] b = "GET / HTTP/1.1\r\nHost: x\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String dump = EventDetails.hexDump(b);
        assertThat(dump.lines().toList()).hasSize(2);
        assertThat(dump).startsWith("00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  GET / HTTP/1.1..\n");
        assertThat(dump.lines().toList().get(1)).startsWith("00000010  48 6f 73 74").endsWith("Host: x..");
        assertThat(EventDetails.hexDump(b, 8).lines().toList()).hasSize(4);
        assertThat(EventDetails.printable(new byte[] {'a', 0, '\n', (byte) 0xff})).isEqualTo("a.\n.");
    }
}
