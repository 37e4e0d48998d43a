package dev.saker.index;

import dev.saker.engine.Detection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A capture's events and detections counted in equal time bins: the timeline's event rate and
 * detections per rule (the offline falco_events panel). Times are ns since the epoch.
 */
public record TimeBins(long start, long width, long[] events, Map<String, long[]> detectionsByRule) {

    /** {@code bins} bins spanning the index's first to last event time. Empty index: one empty bin at 0. */
    public static TimeBins of(CaptureIndex index, List<Detection> detections, int bins) {
        int n = index.size();
        if (n == 0 || bins < 1) {
            return new TimeBins(0, 1, new long[Math.max(1, bins)], Map.of());
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long t = index.time(i);
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        long width = Math.max(1, (max - min) / bins + 1);
        long[] events = new long[bins];
        for (int i = 0; i < n; i++) {
            events[bin(index.time(i), min, width, bins)]++;
        }
        Map<String, long[]> byRule = new LinkedHashMap<>();
        for (Detection d : detections) {
            byRule.computeIfAbsent(d.rule(), r -> new long[bins])[bin(d.timeNs(), min, width, bins)]++;
        }
        return new TimeBins(min, width, events, byRule);
    }

    private static int bin(long t, long min, long width, int bins) {
        long b = (t - min) / width;
        return (int) Math.max(0, Math.min(bins - 1, b));
    }

    /** Start time of bin {@code i}. */
    public long binStart(int i) {
        return start + i * width;
    }

    public long end() {
        return start + events.length * width;
    }
}
