package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScapReaderConformanceTest {

    /** Event-block counts from ../shared/conformance/README.md. */
    @ParameterizedTest
    @CsvSource({
            "falco-psp/privileged.scap, 2059",
            "falco-psp/run_as_user_0_container.scap, 4143",
            "falco-psp/run_as_user_65534_container.scap, 241",
            "falco-psp/write_tmp_test.scap, 229",
            "libs/curl_google.scap, 1536",
            "libs/curl_google_comments.scap, 1536",
            "libs/sample.scap, 572",
            "libs/single_ipv6_conn.scap, 1728",
            "libs/test_ipv6_client.scap, 326",
            "sysdig-examples/example0-nginx.scap, 143",
            "sysdig-examples/example5-httpd.scap, 405",
            "sysdig-examples/example5-nginx.scap, 310"})
    void readsEveryEventBlockOfConformanceCaptures(String file, long expected) throws IOException {
        Path p = ConformanceCaptures.capture(file);
        try (ScapReader r = ScapReader.open(p)) {
            long n = 0;
            while (r.next() != null) {
                n++;
            }
            assertThat(n).isEqualTo(expected);
            assertThat(r.skippedUnknownTypes()).isZero();
        }
    }
}
