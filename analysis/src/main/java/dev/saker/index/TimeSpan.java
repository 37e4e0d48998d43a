package dev.saker.index;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * The span of a capture's event times that a time axis should cover, with the events left out of it.
 *
 * <p>Two kinds of event have no place on a time axis. Untimed events ({@code ts <= 0}): sysdig writes
 * its container metadata events at the start of a capture with a zero timestamp (the first rows of
 * sysdig's example5-httpd.scap), and sysdig does not print them. Taking their 0 as the origin stretched
 * the timeline over 47 years. Outliers: a handful of events
 * whose times lie far from all the others (at most one in a thousand, at least one, at most
 * {@link #MAX_OUTLIERS}), as a corrupt or clock-stepped timestamp does. An end group is
 * an outlier when the gap that separates it from the rest is over {@link #GAP_FACTOR} times the rest's
 * span and over {@link #MIN_GAP_NS}; real idle stretches inside a capture are never that lopsided,
 * and a capture with few events loses at most one. Both kinds stay in the table; they are counted here
 * so the timeline can say how many it does not show.
 */
public record TimeSpan(long first, long last, long timed, long untimed, long outliers) {
    static final long GAP_FACTOR = 1000;
    static final long MIN_GAP_NS = 3_600_000_000_000L;
    static final int MAX_OUTLIERS = 1000;

    /** No timed event at all: {@link #first()} and {@link #last()} are 0. */
    public boolean empty() {
        return timed == 0;
    }

    /** Whether time {@code t} lies on the axis (between the first and last kept time). */
    public boolean covers(long t) {
        return !empty() && t >= first && t <= last;
    }

    /**
     * What a time axis over this span leaves out, short enough for the timeline's bar: "not drawn:
     * 2 events without a time, 1 far off"; empty when every event is on the axis.
     * {@link #leftOutDetail()} says it whole.
     */
    public String leftOut() {
        if (untimed() == 0 && outliers() == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder("not drawn: ");
        if (untimed() > 0) {
            s.append(Counted.of(untimed(), "event")).append(" without a time");
        }
        if (outliers() > 0) {
            s.append(untimed() > 0 ? ", " + outliers() : Counted.of(outliers(), "event")).append(" far off");
        }
        return s.toString();
    }

    /** {@link #leftOut()} explained, for a tooltip; empty when every event is on the axis. */
    public String leftOutDetail() {
        StringBuilder s = new StringBuilder();
        if (untimed() > 0) {
            s.append(Counted.of(untimed(), "event"))
                    .append(" with timestamp 0 (such as the container events sysdig writes at a capture's start)");
        }
        if (outliers() > 0) {
            s.append(s.length() > 0 ? "; " : "").append(Counted.of(outliers(), "event"))
                    .append(" with a time far outside all the others' (more than an hour, and 1000 times their span, away)");
        }
        return s.length() == 0 ? "" : s.append(". They are in the table, not on the timeline's axis.").toString();
    }

    /** The span of the times of {@code n} events, {@code time.applyAsLong(i)} for i in 0..n-1. */
    public static TimeSpan of(int n, IntToLongFunction time) {
        long untimed = 0;
        for (int i = 0; i < n; i++) {
            if (time.applyAsLong(i) <= 0) {
                untimed++;
            }
        }
        long timed = n - untimed;
        if (timed == 0) {
            return new TimeSpan(0, 0, 0, untimed, 0);
        }
        // at most one event in a thousand (at least one, at most MAX_OUTLIERS) may be left out
        int k = (int) Math.min(MAX_OUTLIERS, Math.max(1, timed / 1000));
        // the k+1 smallest and k+1 largest times, ascending: all an outlier test at either end needs
        long[] low = extremes(n, time, k + 1, true);
        long[] high = extremes(n, time, k + 1, false);
        int bestLo = 0;
        int bestHi = 0;
        long bestCore = high[high.length - 1] - low[0];
        // every way of dropping lo from the bottom and hi from the top, lo + hi <= k (k <= 1000): the
        // narrowest core whose dropped ends are each cut off by a gap that dwarfs it
        for (int lo = 0; lo <= k && lo < low.length && timed >= 3; lo++) {
            for (int hi = 0; lo + hi <= k && hi < high.length && lo + hi < timed; hi++) {
                long first = low[lo];
                long last = high[high.length - 1 - hi];
                long core = last - first;
                if (core < 0 || core >= bestCore && (core > bestCore || lo + hi >= bestLo + bestHi)) {
                    continue;
                }
                boolean lowCut = lo == 0 || isGap(low[lo] - low[lo - 1], core);
                boolean highCut = hi == 0 || isGap(high[high.length - hi] - high[high.length - 1 - hi], core);
                if (lowCut && highCut) {
                    bestLo = lo;
                    bestHi = hi;
                    bestCore = core;
                }
            }
        }
        return new TimeSpan(low[bestLo], high[high.length - 1 - bestHi], timed - bestLo - bestHi, untimed, bestLo + bestHi);
    }

    private static boolean isGap(long gap, long core) {
        return gap > MIN_GAP_NS && gap / GAP_FACTOR > core;
    }

    /**
     * The {@code count} smallest (or largest) positive times, ascending. Candidates past the current
     * threshold go into a buffer twice that size, trimmed by a sort when it fills: one cheap comparison
     * per event, without boxing, also for a capture in time order (where every event is a new largest).
     */
    static long[] extremes(int n, IntToLongFunction time, int count, boolean smallest) {
        long[] buf = new long[2 * count];
        int size = 0;
        long threshold = smallest ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long t = time.applyAsLong(i);
            if (t <= 0 || (smallest ? t >= threshold : t <= threshold)) {
                continue;
            }
            if (size == buf.length) {
                size = trim(buf, size, count, smallest);
                threshold = smallest ? buf[count - 1] : buf[0];
                if (smallest ? t >= threshold : t <= threshold) {
                    continue;
                }
            }
            buf[size++] = t;
        }
        return Arrays.copyOf(buf, trim(buf, size, count, smallest));
    }

    /** Sorts buf[0..size) and keeps its {@code count} smallest or largest at the front; the new size. */
    private static int trim(long[] buf, int size, int count, boolean smallest) {
        Arrays.sort(buf, 0, size);
        int keep = Math.min(count, size);
        if (!smallest) {
            System.arraycopy(buf, size - keep, buf, 0, keep);
        }
        return keep;
    }
}
