package dev.saker.index;

import dev.saker.engine.Detection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A capture's events and detections counted in equal time bins: the timeline's event rate and
 * detections per rule (the offline falco_events panel). Times are ns since the epoch. The bins cover
 * the capture's {@link TimeSpan}: events without a time or far outside the others are left out of
 * the bins (they would stretch the axis over years) and counted in {@link #span()}.
 */
public record TimeBins(long start, long width, long[] events, Map<String, long[]> detectionsByRule, TimeSpan span) {

    /**
     * At most {@code bins} bins of a round width ({@link BinWidth}) from the first to the last kept
     * event time, fewer when a round width needs fewer (never fewer than {@code min(bins, 10)}, so that
     * a capture whose events share one time still draws as a spike on an axis). No timed event: the
     * same bins starting at 0, all empty.
     */
    public static TimeBins of(CaptureIndex index, List<Detection> detections, int bins) {
        int wanted = Math.max(1, bins);
        TimeSpan span = TimeSpan.of(index.size(), index::time);
        if (span.empty()) {
            return new TimeBins(0, BinWidth.MIN_NS, new long[Math.min(wanted, 10)], Map.of(), span);
        }
        long range = span.last() - span.first() + 1;
        long width = BinWidth.roundUp(range / wanted + (range % wanted == 0 ? 0 : 1));
        int count = (int) Math.max(Math.min(wanted, 10), Math.min(wanted, (range - 1) / width + 1));
        long[] events = new long[count];
        for (int i = 0; i < index.size(); i++) {
            long t = index.time(i);
            if (span.covers(t)) {
                events[(int) ((t - span.first()) / width)]++;
            }
        }
        Map<String, long[]> byRule = new LinkedHashMap<>();
        for (Detection d : detections) {
            long[] perBin = byRule.computeIfAbsent(d.rule(), r -> new long[count]);
            if (span.covers(d.timeNs())) {
                perBin[(int) ((d.timeNs() - span.first()) / width)]++;
            }
        }
        return new TimeBins(span.first(), width, events, byRule, span);
    }

    /** Start time of bin {@code i}. */
    public long binStart(int i) {
        return start + i * width;
    }

    public long end() {
        return start + events.length * width;
    }

    /** The rate series' name: "events per 50 ms". */
    public String rateLabel() {
        return "events per " + BinWidth.text(width);
    }

    /** What the bins leave out, short: see {@link TimeSpan#leftOut()}. */
    public String leftOut() {
        return span.leftOut();
    }

    /** What the bins leave out, explained: see {@link TimeSpan#leftOutDetail()}. */
    public String leftOutDetail() {
        return span.leftOutDetail();
    }
}
