package dev.saker.index;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Short texts the investigation views share. */
public final class DetailsText {
    private DetailsText() {
    }

    /** HH:MM:SS.mmm in the local time zone. */
    public static String clock(long ts) {
        ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L), Math.floorMod(ts, 1_000_000_000L))
                .atZone(ZoneId.systemDefault());
        return String.format("%02d:%02d:%02d.%03d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }
}
