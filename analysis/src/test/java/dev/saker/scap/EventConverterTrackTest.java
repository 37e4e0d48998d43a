package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EventConverter#track} (for events nobody reads) leaves the converter exactly where
 * {@link EventConverter#convert} would: every later conversion gives the same bytes, the counts
 * agree, and it fails where convert fails with the same message.
 */
class EventConverterTrackTest {
    @Test
    void trackingSomeEventsChangesNoLaterConversion() throws IOException {
        Random random = new Random(20261128);
        int compared = 0;
        for (Path capture : ConformanceCaptures.captures()) {
            for (int round = 0; round < 3; round++) {
                EventConverter full = new EventConverter();
                EventConverter mixed = new EventConverter();
                String fullError = null;
                String mixedError = null;
                try (ScapReader reader = ScapReader.open(capture)) {
                    for (RawEvent e; (e = reader.next()) != null; ) {
                        boolean track = random.nextInt(3) != 0;
                        RawEvent a = null;
                        try {
                            a = full.convert(e);
                        } catch (CaptureFormatException ex) {
                            fullError = ex.getMessage();
                        }
                        byte[] aBytes = a == null ? null : bytes(a);
                        try {
                            if (track) {
                                mixed.track(e);
                            } else {
                                RawEvent b = mixed.convert(e);
                                assertThat(b == null ? null : bytes(b)).as(capture + " at " + e.offset()).isEqualTo(aBytes);
                                compared++;
                            }
                        } catch (CaptureFormatException ex) {
                            mixedError = ex.getMessage();
                        }
                        assertThat(mixedError).as(capture + " at " + e.offset()).isEqualTo(fullError);
                        if (fullError != null) {
                            break;
                        }
                    }
                } catch (CaptureFormatException readerDamage) {
                    // the reader's own error comes before any conversion: the same for both
                }
                assertThat(mixed.convertedCount()).as(capture + " converted").isEqualTo(full.convertedCount());
                assertThat(mixed.consumedCount()).as(capture + " consumed").isEqualTo(full.consumedCount());
            }
        }
        System.out.println("tracked conversions: " + compared + " later conversions identical");
        assertThat(compared).isGreaterThan(1000);
    }

    private static byte[] bytes(RawEvent e) {
        byte[] out = new byte[e.length()];
        ByteBuffer b = e.buffer();
        b.get(e.base(), out, 0, out.length);
        return out;
    }
}
