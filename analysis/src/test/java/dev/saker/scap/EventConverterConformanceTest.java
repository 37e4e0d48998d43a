package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventConverterConformanceTest {
    private static final EventSchema SCHEMA = EventSchema.current();

    static Stream<Path> captures() {
        return ConformanceCaptures.captures().stream();
    }

    /**
     * What current libscap can deliver: managed types with exactly the table's parameters (old
     * versions only as the enter events the table passes, such as EXECVE_19_E); types outside the
     * converter unchanged, which for 2022 drivers includes PROCEXIT_1_E with 1 parameter and
     * SETSOCKOPT_X/GETSOCKOPT_X with none, so never more than the table's count.
     */
    private static boolean hasCurrentLayout(EventInfo info, int nparams) {
        if (info.isUnused()) {
            return false;
        }
        if (info.isConverterManaged()) {
            return nparams == info.nparams() && (!info.isOldVersion() || info.isEnter());
        }
        return !info.isOldVersion() && nparams <= info.nparams();
    }

    @Test
    void sampleCaptureHasFifteenFutexAndThirtyEightNanosleepExitsAfterConversion() throws IOException {
        int futex = 0;
        int nanosleep = 0;
        try (ScapReader reader = ScapReader.open(ConformanceCaptures.capture("libs/sample.scap"))) {
            ConvertedEvents events = new ConvertedEvents(reader);
            for (RawEvent e; (e = events.next()) != null; ) {
                if (e.type() == EventTypes.SYSCALL_FUTEX_X) {
                    futex++;
                } else if (e.type() == EventTypes.SYSCALL_NANOSLEEP_X) {
                    nanosleep++;
                }
            }
        }
        assertThat(futex).isEqualTo(15);
        assertThat(nanosleep).isEqualTo(38);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void convertedStreamHoldsOnlyCurrentLayouts(Path capture) throws IOException {
        ConformanceCaptures.requireRoot();
        List<String> stale = new ArrayList<>();
        long delivered = 0;
        try (ScapReader reader = ScapReader.open(capture)) {
            ConvertedEvents events = new ConvertedEvents(reader);
            for (RawEvent e; (e = events.next()) != null; ) {
                delivered++;
                EventInfo info = SCHEMA.info(e.type());
                if (!hasCurrentLayout(info, e.nparams())) {
                    stale.add(info.name() + (info.isEnter() ? "_E/" : "_X/") + e.nparams() + "@" + e.offset());
                }
            }
            System.out.println(capture.getFileName() + ": " + reader.eventsRead() + " read, " + delivered + " delivered, "
                    + events.converter().convertedCount() + " converted");
        }
        assertThat(stale).isEmpty();
        assertThat(delivered).isPositive();
    }

    /**
     * Count and SHA-256 of the delivered events' bytes (header, lengths, parameters, concatenated),
     * as produced by current libscap (falcosecurity/libs 48dfd53c, savefile engine, scap_next) on
     * each capture: the converted stream is byte-identical to libscap's.
     */
    @ParameterizedTest
    @CsvSource({
            "falco-psp/privileged.scap, 2059, d8308c14bd3d5ae29b1d805ea6033e3550395598af3351ac77c428d2e43a8d97",
            "falco-psp/run_as_user_0_container.scap, 2795, ff787737c1fd8a4e82f038d247016d61a649f4c3a585028b0852371fcd73f157",
            "falco-psp/run_as_user_65534_container.scap, 241, 119f26944d1086419438b1dba82916aec080210cbfd793be0d27b6837a194c71",
            "falco-psp/write_tmp_test.scap, 229, 5945f2020df9f053cd0c919131845c7c064ee91ae5e5701003a8aa765a65119b",
            "libs/curl_google.scap, 991, 181336922d015be20480588a2f159c073b9a893b3a70330573162425cf54faf7",
            "libs/curl_google_comments.scap, 991, 181336922d015be20480588a2f159c073b9a893b3a70330573162425cf54faf7",
            "libs/sample.scap, 485, a86cb6044512f20124fb643c17e09477bf08be537eb339b59e3bf46f19fa59c3",
            "libs/single_ipv6_conn.scap, 1717, 7f905930c2f2967b62e09a487b47315e1d6e22af6afb4fd4811be417332b9cd6",
            "libs/test_ipv6_client.scap, 297, a73fb1e6d689f4a9edadfb8dd880eef12af8450703291e27995b57bd43a454f7",
            "sysdig-examples/example0-nginx.scap, 125, 8e581736553155a613f8dfbb3e3b1a508237dfbf374baf923415a14edc87067c",
            "sysdig-examples/example5-httpd.scap, 289, d859bd88662444e0726d5e311e218fb4bc5597d36e78600ba6e5950091734b64",
            "sysdig-examples/example5-nginx.scap, 240, d37a1f5823e0ef2c1b5e7d72d538dddafe0a69efa693ba3d49e18082367c88ea"})
    void convertedStreamIsByteIdenticalToCurrentLibscap(String file, long count, String sha256)
            throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long delivered = 0;
        try (ScapReader reader = ScapReader.open(ConformanceCaptures.capture(file))) {
            ConvertedEvents events = new ConvertedEvents(reader);
            for (RawEvent e; (e = events.next()) != null; ) {
                delivered++;
                digest.update(e.buffer().duplicate().position(e.base()).limit(e.base() + e.length()));
            }
        }
        assertThat(delivered).isEqualTo(count);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha256);
    }
}
