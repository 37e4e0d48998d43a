package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** The reader turns its own slips on hostile bytes into format errors, but never a caller's bug. */
class ListenerFailureTest {
    @Test
    void exceptionFromTheCallersListenerPropagatesUnchangedRatherThanAsCaptureDamage() {
        CaptureBytes c = CaptureBytes.of(ConformanceCaptures.capture("libs/single_ipv6_conn.scap"));
        IllegalStateException bug = new IllegalStateException("listener bug");
        MetadataListener failing = new MetadataListener() {
            @Override
            public void onProcess(ProcessEntry process) {
                throw bug;
            }
        };
        assertThatThrownBy(() -> {
            try (ScapReader r = ScapReader.open(new ByteArrayInputStream(c.plain()), c.plain().length, failing)) {
                r.next();
            }
        }).isSameAs(bug);
    }
}
