package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
}
