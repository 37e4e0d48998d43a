package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Following curl's HTTP connection in curl_google.scap, cross-checked against the rows themselves. */
class FdStreamTest {

    @Test
    void theHttpConnectionIsTheRequestWrittenThenTheResponseRead() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/curl_google.scap"));
        try (EventRows rows = new EventRows(index)) {
            int sendto = -1;
            for (int row = 0; row < index.size() && sendto < 0; row++) {
                EventRow r = rows.row(row);
                if (r.type().equals("sendto") && r.direction().equals(">") && r.info().contains("->2607:f8b0:4004:802::2004:80")) {
                    sendto = row;
                }
            }
            assertThat(sendto).as("curl's sendto to www.google.com:80").isNotNegative();
            FdStream s = FdStream.of(rows, sendto);
            assertThat(s.fd().num()).isEqualTo(4);
            assertThat(s.fd().view().name()).endsWith("->2607:f8b0:4004:802::2004:80");
            assertThat(s.truncated()).isFalse();
            // sysdig -r shows one sendto (78 bytes) then three recvfrom (6040, 5457 and 5 bytes) on this fd
            assertThat(s.chunks()).extracting(FdStream.Chunk::type).containsExactly("sendto", "recvfrom", "recvfrom", "recvfrom");
            assertThat(s.chunks()).extracting(FdStream.Chunk::direction).containsExactly(
                    FdStream.Direction.WRITE, FdStream.Direction.READ, FdStream.Direction.READ, FdStream.Direction.READ);
            assertThat(s.chunks()).extracting(FdStream.Chunk::length).containsExactly(78L, 6040L, 5457L, 5L);
            assertThat(s.chunks().get(0).text()).startsWith("GET / HTTP/1.1.\nHost: www.google.com.\n");
            assertThat(new String(s.chunks().get(1).data(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 OK\r\n");
            assertThat(s.moved(FdStream.Direction.WRITE)).isEqualTo(78);
            assertThat(s.moved(FdStream.Direction.READ)).isEqualTo(6040 + 5457 + 5);
            // each chunk is the exit event whose row shows the same data sysdig prints
            for (FdStream.Chunk c : s.chunks()) {
                EventRow r = rows.row(c.row());
                assertThat(r.number()).isEqualTo(c.number());
                assertThat(r.direction()).isEqualTo("<");
                assertThat(r.info()).contains("res=" + c.length());
            }
            assertThat(s.chunks()).extracting(FdStream.Chunk::number).isSorted();
        }
    }

    @Test
    void theDnsSocketIsAnotherStreamAndAnEventWithoutFdHasNone() throws IOException {
        CaptureIndex index = CaptureIndexer.build(ConformanceCaptures.capture("libs/curl_google.scap"));
        try (EventRows rows = new EventRows(index)) {
            int dns = -1;
            int noFd = -1;
            for (int row = 0; row < index.size(); row++) {
                EventRow r = rows.row(row);
                if (dns < 0 && r.type().equals("recvfrom") && r.info().contains("::8888:53")) {
                    dns = row;
                }
                if (noFd < 0 && index.fd(row) == null) {
                    noFd = row;
                }
            }
            FdStream s = FdStream.of(rows, dns);
            assertThat(s.chunks()).extracting(FdStream.Chunk::length).containsExactly(32L, 60L);
            assertThat(s.chunks().get(0).text()).contains("www.google.com");
            assertThat(FdStream.of(rows, noFd)).isNull();
        }
    }
}
